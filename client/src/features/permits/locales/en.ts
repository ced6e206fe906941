export default {
  title: 'Traffic permits',
};

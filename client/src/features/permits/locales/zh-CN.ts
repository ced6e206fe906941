export default {
  title: '通行证',
};

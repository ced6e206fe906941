import verification from './verification.en';

export default {
  title: 'Traffic permits',
  ...verification,
};

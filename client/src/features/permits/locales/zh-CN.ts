import verification from './verification.zh-CN';

export default {
  title: '通行证',
  ...verification,
};

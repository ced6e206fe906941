export default {
  signIn: {
    title: '登录',
    subtitle: '请使用指挥部分配的账号登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    badCredentials: '用户名或密码不正确。',
    sessionEnded: '登录已失效，请重新登录。',
    footer: '协调统一　密切配合　信息互通　多方联动',
  },
};

import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  signIn: {
    title: 'Sign in',
    subtitle: 'Use the account HQ gave you',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your user name',
    passwordRequired: 'Enter your password',
    badCredentials: 'The user name or password is not right.',
    sessionEnded: 'Your session has ended; sign in again.',
    footer: 'Unified coordination · close cooperation · shared information · joint action',
  },
} satisfies MessagesLike<typeof zhCN>;

import type { RouteRecordRaw } from 'vue-router';
import { permitPrintRoutes } from './verification-routes';

export const permitsRoutes: RouteRecordRaw[] = [...permitPrintRoutes];

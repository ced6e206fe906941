import type { RouteRecordRaw } from 'vue-router';

export const permitsRoutes: RouteRecordRaw[] = [];

import { Document, OfficeBuilding, User } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 系统管理: each page is usable exactly when its main operation is (shared/src/policy.ts). */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin',
    name: 'admin',
    component: () => import('./routes/UserList.vue'),
    meta: { access: { operation: 'users' }, titleKey: 'admin.users.title', nav: { section: 'ADMIN', order: 10, icon: User } },
  },
  {
    path: '/admin/units',
    name: 'admin-units',
    component: () => import('./routes/MemberUnitList.vue'),
    meta: {
      access: { operation: 'memberUnits' },
      titleKey: 'admin.units.title',
      nav: { section: 'ADMIN', order: 20, icon: OfficeBuilding },
    },
  },
  {
    // Leaders use it too: they see it under 系统管理 as the one item there for them.
    path: '/audit',
    name: 'audit',
    component: () => import('./routes/AuditLog.vue'),
    meta: { access: { operation: 'auditRecords' }, titleKey: 'admin.audit.title', nav: { section: 'ADMIN', order: 30, icon: Document } },
  },
  {
    // Everyone's own account; reached from the user menu in the header, not the navigation.
    path: '/account/password',
    name: 'account-password',
    component: () => import('./routes/ChangePassword.vue'),
    meta: { access: { operation: 'changePassword' }, titleKey: 'admin.account.title' },
  },
];

import { ref } from 'vue';

/**
 * The browser's own notification for a critical alert, when the console's tab is in the
 * background (a visible console already shows its banner and plays its sound).
 */

export type NotificationPermissionState = NotificationPermission | 'unsupported';

function current(): NotificationPermissionState {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification.permission : 'unsupported';
}

export const notificationPermission = ref<NotificationPermissionState>(current());

/** Asks for permission; browsers allow this only in answer to a click. */
export async function requestNotificationPermission(): Promise<void> {
  if (notificationPermission.value === 'unsupported') return;
  notificationPermission.value = await window.Notification.requestPermission();
}

/** Shows the notification if the tab is hidden and the user allowed it; a click brings the console forward. */
export function notifyInBackground(title: string, body: string, tag: string, open: () => void): void {
  notificationPermission.value = current();
  if (document.visibilityState !== 'hidden' || notificationPermission.value !== 'granted') return;
  const notification = new window.Notification(title, { body, tag, requireInteraction: true, lang: document.documentElement.lang });
  notification.onclick = () => {
    window.focus();
    open();
    notification.close();
  };
}

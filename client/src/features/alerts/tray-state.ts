import { ref } from 'vue';

/** Whether the alert tray's drawer is open; the critical banner opens it too. */
export const trayOpen = ref(false);

import { computed, shallowRef } from 'vue';
import type { Role } from '@cc/shared';
import { LoginDocument, LogoutDocument, MeDocument, type ViewerFieldsFragment } from '@cc/shared/operations';
import { setPositionScope } from '../../../app/live-positions';
import { connectRealtime, stopRealtime, urqlClient } from '../../../app/urql-client';

/**
 * Who is signed in. The server decides (the `me` query over the httpOnly session cookie);
 * the console only mirrors it, to show what the roles may use.
 */
const viewer = shallowRef<ViewerFieldsFragment | null>(null);
let loaded: Promise<ViewerFieldsFragment | null> | undefined;

/** Where the console goes when the session ends; a full load also empties every cache. */
export const SIGN_IN_PATH = '/sign-in';

function onSignedIn(me: ViewerFieldsFragment): void {
  viewer.value = me;
  setPositionScope(me.userId);
  connectRealtime(() => endSession('expired'));
}

/** Reads the session once per page load (the router waits for it before the first page). */
export function loadSession(): Promise<ViewerFieldsFragment | null> {
  loaded ??= urqlClient
    .query(MeDocument, {}, { requestPolicy: 'network-only' })
    .toPromise()
    .then((result) => {
      if (result.error) throw result.error;
      const me = result.data?.me ?? null;
      if (me) onSignedIn(me);
      return me;
    })
    .catch((error: unknown) => {
      loaded = undefined; // let the next navigation try again
      throw error;
    });
  return loaded;
}

export async function signIn(username: string, password: string): Promise<ViewerFieldsFragment> {
  const result = await urqlClient.mutation(LoginDocument, { username, password }).toPromise();
  if (result.error || !result.data) throw result.error ?? new Error('no data');
  const me = result.data.login;
  loaded = Promise.resolve(me);
  onSignedIn(me);
  return me;
}

/** Ends the session on the server, then reloads at sign-in so nothing of this user stays in memory. */
export async function signOut(): Promise<void> {
  // Close our own socket first: the server closes a signed-out session's sockets with 4401,
  // which would otherwise read as "your session expired".
  await stopRealtime();
  try {
    const result = await urqlClient.mutation(LogoutDocument, {}).toPromise();
    if (result.error) throw result.error;
  } finally {
    endSession('signed-out');
  }
}

let ending = false;

function endSession(reason: 'signed-out' | 'expired'): void {
  if (ending) return;
  ending = true;
  void stopRealtime();
  viewer.value = null;
  window.location.assign(reason === 'expired' ? `${SIGN_IN_PATH}?expired=1` : SIGN_IN_PATH);
}

export function useSession() {
  return {
    viewer: computed(() => viewer.value),
    roles: computed<readonly Role[] | null>(() => viewer.value?.roles ?? null),
    signIn,
    signOut,
  };
}

/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly WXT_CLIO_SERVER?: string;
  readonly WXT_CLIO_CLIENT_ID?: string;
  readonly WXT_CLIO_CLIENT_SECRET?: string;
  readonly WXT_GROW_CLIENT_ID?: string;
  readonly WXT_GROW_CLIENT_SECRET?: string;
  /** Test builds only: the in-page dialog's shadow root open, so Playwright can see into it. */
  readonly WXT_OPEN_SHADOW_ROOT?: string;
}

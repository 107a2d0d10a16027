/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly WXT_CLIO_SERVER?: string;
  readonly WXT_CLIO_CLIENT_ID?: string;
  readonly WXT_CLIO_CLIENT_SECRET?: string;
  readonly WXT_GROW_CLIENT_ID?: string;
  readonly WXT_GROW_CLIENT_SECRET?: string;
  /** Comma-separated origins document uploads (put_urls) may go to. */
  readonly WXT_CLIO_UPLOAD_ORIGINS?: string;
  /** Test builds only: the in-page dialog's shadow root open, so Playwright can see into it. */
  readonly WXT_OPEN_SHADOW_ROOT?: string;
}

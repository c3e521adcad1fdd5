interface ImportMetaEnv {
  /** Where "Was this answer helpful?" votes are sent (JSON { article, helpful }). Unset: nothing is sent. */
  readonly PUBLIC_FEEDBACK_URL?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/**
 * What of public/_locales/<lang>/messages.json the browser reads: each message's `message` and its placeholders'
 * `content`. The `description`s and placeholder `example`s are for translators (the house rule asks for them on
 * every message), and are half the file's bytes; the build ships the file without them (wxt.config.ts,
 * `build:publicAssets`). Pure.
 */
interface SourceMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

type ShippedMessage = { message: string; placeholders?: Record<string, { content: string }> };

/** The path of a locale's messages in the output, e.g. `_locales/en/messages.json`. */
export const isMessagesFile = (relativeDest: string): boolean => /^_locales\/[^/]+\/messages\.json$/.test(relativeDest.replace(/\\/g, '/'));

export function shippedMessages(source: Record<string, SourceMessage>): Record<string, ShippedMessage> {
  const shipped: Record<string, ShippedMessage> = {};
  for (const [key, { message, placeholders }] of Object.entries(source)) {
    shipped[key] = placeholders
      ? { message, placeholders: Object.fromEntries(Object.entries(placeholders).map(([name, { content }]) => [name, { content }])) }
      : { message };
  }
  return shipped;
}

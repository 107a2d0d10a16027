/**
 * The messages and the code agree: every message well-formed (in Chrome's format), every one used, every key
 * the code names defined, the generated key types up to date, and no words left in the markup. Every locale
 * under public/_locales is checked; one other than English must have exactly English's keys, each with the same
 * named substitutions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { around, say, t } from '@/lib/i18n';
import { phrase } from '@/lib/phrase';
import { KEYS_PATH, messageKeysSource, readMessages, substitutionsOf } from '../../../scripts/generate-message-keys';
import { loaded, type Messages } from './chrome-messages';

const LOCALES_DIR = 'public/_locales';
const english = readMessages();
const locales = readdirSync(LOCALES_DIR).map((locale) => ({
  locale,
  path: join(LOCALES_DIR, locale, 'messages.json'),
  messages: readMessages(join(LOCALES_DIR, locale, 'messages.json')) as Messages,
}));

/** The extension's own code: what is built into it, and the manifest. */
const sources = [
  ...['entrypoints', 'components', 'lib'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.generated.ts'))
      .map((f) => join(dir, f)),
  ),
  'wxt.config.ts',
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const allCode = sources.map((s) => s.text).join('\n');

describe.each(locales)('messages of $locale', ({ path, messages, locale }) => {
  const entries = Object.entries(messages);

  it('are named as Chrome allows, each once (names are case-insensitive)', () => {
    const raw = [...readFileSync(path, 'utf8').matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]!);
    expect(raw).toEqual(Object.keys(messages));
    for (const key of raw) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(raw.map((k) => k.toLowerCase())).size).toBe(raw.length);
  });

  it.each(entries)('%s is a message with a description, its placeholders well-formed', (_key, m) => {
    expect(m.message.trim()).not.toBe('');
    expect(m.description?.trim()).toBeTruthy();
    const placeholders = Object.entries(m.placeholders ?? {});
    const referenced = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((r) => r[1]!.toLowerCase());
    // Every placeholder is named in lower case, stands for one substitution ($1, $2… with none skipped), has an example, and is used.
    placeholders.forEach(([name, p]) => {
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(p.content).toMatch(/^\$[1-9]$/);
      expect(p.example?.trim()).toBeTruthy();
      expect(referenced).toContain(name);
    });
    expect(placeholders.map(([, p]) => p.content).sort()).toEqual(placeholders.map((_, i) => `$${i + 1}`));
    // Every $name$ is a placeholder; once loaded, nothing is left but $1…$n and $$ (a literal $).
    for (const name of referenced) expect(placeholders.map(([n]) => n)).toContain(name);
    for (const [token] of loaded(m).matchAll(/\$+[0-9]?/g)) {
      expect(token === '$$' || (/^\$[1-9]$/.test(token) && Number(token[1]) <= placeholders.length), `stray “${token}”`).toBe(true);
    }
  });

  it.runIf(locale !== 'en')('have English’s keys and no others', () => {
    expect(Object.keys(english).filter((key) => !(key in messages))).toEqual([]);
    expect(Object.keys(messages).filter((key) => !(key in english))).toEqual([]);
  });

  it.runIf(locale !== 'en')('take the same substitutions as English, named the same, and keep Chrome’s %s where English has it', () => {
    for (const [key, m] of entries) {
      const en = english[key];
      if (!en) continue;
      expect(substitutionsOf(m), key).toEqual(substitutionsOf(en));
      expect(m.message.includes('%s'), key).toBe(en.message.includes('%s'));
    }
  });
});

describe('messages and code', () => {
  it('the key types are generated from the English messages as they are (npm run i18n:keys)', () => {
    expect(readFileSync(KEYS_PATH, 'utf8')).toBe(messageKeysSource(english));
  });

  it.each(Object.keys(english))('%s is used', (key) => {
    expect(allCode.includes(`'${key}'`) || allCode.includes(`__MSG_${key}__`)).toBe(true);
  });

  it('every key the code names is a message', () => {
    const named = [...allCode.matchAll(/\b(?:t|phrase|around)\(\s*'([^']*)'|__MSG_(\w+)__/g)].map((m) => m[1] ?? m[2]!);
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((key) => !(key in english))).toEqual([]);
  });

  it('no words are left in the markup (attributes people read, lines of text)', () => {
    const left = sources
      .filter((s) => s.path.endsWith('.tsx'))
      .flatMap((s) =>
        s.text.split('\n').flatMap((line, i) => {
          const words =
            /\b(?:aria-label|placeholder|title|alt)="[^"]*[A-Za-z]{2}[^"]*"/.test(line) ||
            /^\s*(?=[^a-z]*[a-z])[A-Z][A-Za-z’',.…!? ]*[A-Za-z’.…!?]$/.test(line);
          return words ? [`${s.path}:${i + 1}: ${line.trim()}`] : [];
        }),
      );
    expect(left).toEqual([]);
  });
});

describe('t', () => {
  it('answers in English, substitutions in their places', () => {
    expect(t('timerStartedOn', '00042-Okafor — Okafor v. Harlan')).toBe('Timer started on 00042-Okafor — Okafor v. Harlan.');
    expect(t('savedTimeRounded', '4 min', '0.1 h', '00042')).toBe('Saved 4 min (bills as 0.1 h) to 00042.');
    expect(t('entriesWaitingMany', 3)).toContain('3 entries are still waiting');
    expect(t('heldMany', 2, 'Jane Doe')).toBe('2 entries are kept for Jane Doe: they are sent to Clio only when Jane Doe signs in again.');
  });

  it('keeps a substitution’s own dollar signs', () => {
    expect(t('noMatterMatches', '$1 $$ $QUERY$')).toBe('No matter matches “$1 $$ $QUERY$”.');
  });

  it('says a phrase, and splits a message around an element', () => {
    expect(say(phrase('durationInvalid', '1x'))).toBe('“1x” is not a duration. Try 1.5, 1:30, 1h30m or 90m.');
    expect(around('captureFoundOn')).toEqual(['Found on ', '']);
    expect(around('growConnectedAs')).toEqual(['Connected to Clio Grow as ', '. Captured leads go to its inbox.']);
  });
});

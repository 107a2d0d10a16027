/**
 * `GET /`: what a newcomer opening the sandbox's address sees — what the sandbox is, who to sign in as, and the test
 * pages to try "Capture as Clio Grow lead" on (served at `/pages/<name>`, test-pages.ts).
 */
import { escapeHtml, html, type Reply } from './http-utils';
import type { User } from './model';

/** The pages a person tries capture and filing on, in the order worth trying them. */
export const TRY_PAGES: ReadonlyArray<{ name: string; what: string }> = [
  { name: 'contact', what: 'a firm’s contact form with a person, an email and a phone' },
  { name: 'webmail', what: 'a web mail message: the sender, Cc addresses, a signature with a phone' },
  { name: 'directory', what: 'a directory entry marked up as an h-card' },
];

export function rootPage(users: User[]): Reply {
  const [demo] = users;
  const who = demo ? `${demo.firstName} ${demo.lastName} (${demo.email})` : 'the first user offered';
  const pages = TRY_PAGES.map((p) => `<li><a href="/pages/${p.name}">${p.name}</a>: ${escapeHtml(p.what)}</li>`).join('\n');
  return html(
    200,
    'Clio sandbox',
    `
<h1>Clio sandbox</h1>
<p>A stand-in for Clio’s Manage and Grow APIs, on this machine, for the Clio Companion extension’s demo and tests. It holds a
made-up firm (matters, contacts, time entries); nothing here reaches the real Clio.</p>
<h2>Signing in</h2>
<p>In the extension’s options, click “Sign in with Clio”. The sandbox’s page asks who you are: approve as
<strong>${escapeHtml(who)}</strong>, the firm’s owner, who sees every rate. Nothing to type: there are no passwords.</p>
<h2>Pages to try</h2>
<p>Right-click a page (or a selection on it) and choose “Capture as Clio Grow lead”:</p>
<ul>
${pages}
</ul>
<p class="muted">The API lives under <code>/api/v4</code> (Manage) and <code>/grow</code>; see sandbox/README.md.</p>`,
  );
}

/** The HTML pages of the authorization server: the consent page and its errors. */
import { escapeHtml, html, type Reply } from './http-utils';
import type { User } from './model';

export function consentPage(action: string, appName: string, users: User[], hidden: Record<string, string>): Reply {
  const inputs = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n');
  const options = users
    .map((u, i) => `<option value="${u.id}"${i === 0 ? ' selected' : ''}>${escapeHtml(`${u.firstName} ${u.lastName}`)} (${escapeHtml(u.email)})</option>`)
    .join('');
  return html(
    200,
    `Authorize ${appName}`,
    `
<h1>Authorize ${escapeHtml(appName)}</h1>
<p class="muted">${escapeHtml(appName)} is asking for access to your Clio account (sandbox).</p>
<form method="post" action="${escapeHtml(action)}">
${inputs}
<label for="user_id">Sign in as</label>
<select id="user_id" name="user_id">${options}</select>
<div class="buttons">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="decline">Decline</button>
</div>
</form>`,
  );
}

export function errorPage(status: number, title: string, message: string): Reply {
  return html(status, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

/** The outcome of an action, in a live `status` region that assistive technology announces. */
export interface Status {
  tone: 'info' | 'success' | 'error';
  text: string;
}

export function StatusMessage({ status }: { status: Status | null }) {
  return (
    <p role="status" class={`status ${status ? `status-${status.tone}` : ''}`}>
      {status?.text ?? ''}
    </p>
  );
}

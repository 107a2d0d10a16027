/** A matter as the surfaces pass it around: enough to show it and to file time on it. */
export interface MatterRef {
  id: number;
  displayNumber: string;
  description: string;
  clientName?: string;
}

/** "00042-Okafor — Okafor v. Harlan Logistics" */
export const matterLabel = (m: MatterRef) => `${m.displayNumber} — ${m.description}`;

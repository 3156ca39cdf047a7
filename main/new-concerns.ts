/**
 * What the notification a lead's background import raises may say: counts only ("2 new concerns,
 * 1 urgent"), never a name, a reference, a type or any content — a notification shows on a locked
 * screen, over a shared projector and in the operating system's history. Plain data, so a test
 * can check it without Electron's binary.
 */

export interface NewConcernsCounts {
  imported: number;
  urgent: number;
}

export interface NewConcernsNotice {
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
}

/** "1 new concern", "2 new concerns, 1 urgent". */
export function newConcernsText(counts: NewConcernsCounts): string {
  const concerns = `${counts.imported} new ${counts.imported === 1 ? 'concern' : 'concerns'}`;
  return counts.urgent > 0 ? `${concerns}, ${counts.urgent} urgent` : concerns;
}

/** The notification for an import that brought concerns; null when it brought none. */
export function newConcernsNotice(counts: NewConcernsCounts): NewConcernsNotice | null {
  if (counts.imported <= 0) return null;
  return {
    title: 'Safeguard Desk',
    body: newConcernsText(counts),
    urgency: counts.urgent > 0 ? 'critical' : 'normal',
  };
}

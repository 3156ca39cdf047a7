/**
 * The operating system notification for new concerns (new-concerns.ts says what it may say).
 * Clicking it brings the app's window forward; the lead then reads the concerns inside the app.
 */
import { Notification } from 'electron';
import { newConcernsNotice, type NewConcernsCounts } from './new-concerns';

/** Shows "2 new concerns, 1 urgent" where the system supports notifications; else nothing. */
export function notifyNewConcerns(counts: NewConcernsCounts, onClick: () => void): void {
  const notice = newConcernsNotice(counts);
  if (notice === null || !Notification.isSupported()) return;
  const notification = new Notification(notice);
  notification.on('click', onClick);
  notification.show();
}

/** The banner: skip link, the app's name, the school, and the navigation (hidden when locked). */
export type Place = 'home' | 'receipts' | 'report' | 'lead' | 'office';

interface AppHeaderProps {
  /** The school this computer reports to, a short state, or null while unknown. */
  school: string | null;
  /** null while locked: no navigation, nothing about the school. */
  place: Place | null;
  onHome: () => void;
  onReceipts: () => void;
  /** Opens the safeguarding area; null when this user is not a lead on this computer. */
  onLead: (() => void) | null;
  /** Opens the office summaries; null when this user is not office staff on this computer. */
  onOffice: (() => void) | null;
  onLock: () => void;
}

export function AppHeader({
  school,
  place,
  onHome,
  onReceipts,
  onLead,
  onOffice,
  onLock,
}: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__brand">
          <p className="app-header__title">Safeguard Desk</p>
          {place !== null && school !== null && <p className="app-header__school">{school}</p>}
        </div>
        {place !== null && (
          <nav className="app-nav" aria-label="Main">
            <ul className="app-nav__list">
              <li>
                <button
                  type="button"
                  className="app-nav__item"
                  aria-current={place === 'home' ? 'page' : undefined}
                  onClick={onHome}
                >
                  Home
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="app-nav__item"
                  aria-current={place === 'receipts' ? 'page' : undefined}
                  onClick={onReceipts}
                >
                  My receipts
                </button>
              </li>
              {onLead !== null && (
                <li>
                  <button
                    type="button"
                    className="app-nav__item"
                    aria-current={place === 'lead' ? 'page' : undefined}
                    onClick={onLead}
                  >
                    Safeguarding
                  </button>
                </li>
              )}
              {onOffice !== null && (
                <li>
                  <button
                    type="button"
                    className="app-nav__item"
                    aria-current={place === 'office' ? 'page' : undefined}
                    onClick={onOffice}
                  >
                    Office summaries
                  </button>
                </li>
              )}
              <li>
                <button
                  type="button"
                  className="app-nav__item app-nav__item--lock"
                  onClick={onLock}
                >
                  Lock
                </button>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

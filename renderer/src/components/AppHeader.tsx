interface AppHeaderProps {
  /** The school this computer reports to, a short state, or null while unknown. */
  school: string | null;
}

/** The banner: the app's name and the school it reports to. */
export function AppHeader({ school }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <h1 className="app-header__title">Safeguard Desk</h1>
        {school !== null && <p className="app-header__school">{school}</p>}
      </div>
    </header>
  );
}

/** The first screen: who this computer reports to, and the way to report a concern. */
import { useEffect, useState } from 'react';
import { AppHeader } from './components/AppHeader';
import { ReportPanel } from './components/ReportPanel';
import { StatusPanel, type AppStatus } from './components/StatusPanel';
import { load, type Loadable } from './loadable';

export function App() {
  const [status, setStatus] = useState<Loadable<AppStatus>>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    void load((api) => api['app.status']()).then((result) => {
      if (current) setStatus(result);
    });
    return () => {
      current = false;
    };
  }, []);

  // Said only once known: a failed status must not read as "not enrolled".
  let school: string | null = null;
  if (status.state === 'ready') {
    school = status.value.enrolled ? status.value.schoolName : 'Not enrolled yet';
  }
  return (
    <div className="app">
      <AppHeader school={school} />
      <main className="layout" id="main">
        <ReportPanel />
        <StatusPanel status={status} />
      </main>
    </div>
  );
}

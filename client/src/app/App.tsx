import { LazyMotion, MotionConfig } from 'framer-motion';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useT } from '../i18n/useT';
import { useApp } from '../store';
import { StatusRegion } from '../ui/StatusRegion';
import { Link } from './Link';
import { loadMotionFeatures } from './motion';
import { useRoute, type Route } from './router';

/*
 * Every page but the tablet's also needs the facilitator's and workshop words; they load
 * together with the page, so a tablet never fetches them (see i18n/facilitatorWords.ts).
 */
function withFacilitatorWords<P>(page: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(() => Promise.all([page(), import('../i18n/facilitatorWords')]).then(([m]) => m));
}

const HomePage = withFacilitatorWords(() => import('../features/home/HomePage'));
const JoinPage = lazy(() => import('../features/join/JoinPage'));
const HostPage = withFacilitatorWords(() => import('../features/host/HostPage'));
// Printable report: the facilitator's, opened from the host page's report tab.
const ReportPage = withFacilitatorWords(() => import('../features/report/ReportPage'));
const ScreenPage = withFacilitatorWords(() => import('../features/screen/ScreenPage'));
// Trainers' pages: the only ones that load the scenario parser (zod, yaml), never on a tablet.
const ScenarioListPage = withFacilitatorWords(() => import('../features/scenarios/ScenarioListPage'));
const ScenarioPage = withFacilitatorWords(() => import('../features/scenarios/ScenarioPage'));
const ScenarioEditorPage = withFacilitatorWords(() => import('../features/scenarios/ScenarioEditorPage'));


export function App() {
  const route = useRoute();
  const lang = useApp((s) => s.lang);
  const t = useT();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <LazyMotion features={loadMotionFeatures} strict>
      {/* Pieces still change place with reduced motion; they just do not glide there. */}
      <MotionConfig reducedMotion="user">
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <Suspense fallback={<p className="page-loading">{t('app.loading')}</p>}>
          <Page route={route} />
        </Suspense>
        <StatusRegion />
      </MotionConfig>
    </LazyMotion>
  );
}

function Page({ route }: { route: Route }) {
  const t = useT();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'join':
      return <JoinPage code={route.code} />;
    case 'host':
      return <HostPage sessionId={route.sessionId} />;
    case 'hostReport':
      return <ReportPage sessionId={route.sessionId} />;
    case 'screen':
      return <ScreenPage code={route.code} tableId={route.tableId} />;
    case 'scenarios':
      return <ScenarioListPage />;
    case 'scenario':
      return <ScenarioPage id={route.id} />;
    case 'scenarioEdit':
      return <ScenarioEditorPage key={route.id ?? 'new'} id={route.id} />;
    case 'notFound':
      return (
        <main id="main" className="page narrow">
          <h1>{t('app.notFound')}</h1>
          <p>
            <Link href="/">{t('app.toHome')}</Link>
          </p>
        </main>
      );
  }
}

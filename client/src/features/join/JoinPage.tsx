import type { ScenarioRole, Seat, SessionState } from '@samenspel/game-core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { navigate, normaliseCode, paths } from '../../app/router';
import { errorKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { keys, load, save } from '../../lib/storage';
import { connectSession, disconnectSession, errorText, session } from '../../net';
import { appStore, useApp } from '../../store';
import { ConnectionBanner } from '../../ui/ConnectionBanner';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { RoleCard } from '../../ui/RoleCard';
import { StepIndicator } from '../../ui/StepIndicator';
import { PlayerView } from '../player/PlayerView';
import { PollOverlay } from '../player/PollOverlay';
import { Brand } from '../../ui/Brand';
import { tableLabel } from '../../ui/tableLabel';

const NAME_MAX = 40;

/**
 * A player's way onto the board: code → name → role → role card → board. With a seat token on
 * this device (a reload, a closed tab, a Wi-Fi drop) it goes straight back to the same seat.
 */
export default function JoinPage({ code }: { code: string | null }) {
  useEffect(() => {
    if (!code) return;
    connectSession({ kind: 'player', code });
    return () => disconnectSession();
  }, [code]);

  if (!code) return <CodeStep />;
  return <Joined code={code} />;
}

function Joined({ code }: { code: string }) {
  const t = useT();
  const ended = useApp((s) => s.sessionEnded);
  const connection = useApp((s) => s.connection);
  const failure = useApp((s) => s.failure);
  const game = useApp((s) => s.game);
  const seatId = useApp((s) => s.seatId);
  const seat = seatId && game ? (game.seats[seatId] ?? null) : null;
  const [seenRole, setSeenRole] = useState(() => load(keys.seenRole(code)) === '1');
  const [named, setNamed] = useState(false);
  const [tableChoice, setTableChoice] = useState<string | null>(null);
  useReassignNotice(seat);

  useEffect(() => {
    document.title = `${t('join.title')} · ${t('app.name')}`;
  }, [t]);

  // A released seat starts the role choice again.
  useEffect(() => {
    if (!seatId) setSeenRole(load(keys.seenRole(code)) === '1');
  }, [seatId, code]);

  if (ended) return <SessionEnded />;
  if (connection === 'failed' && !game) {
    return <CodeStep initial={code} error={failure ? t(errorKey(failure)) : t('conn.failed')} />;
  }
  if (!game) {
    return (
      <JoinShell>
        <p aria-busy="true" className="page-loading">
          {t('join.checking')}
        </p>
      </JoinShell>
    );
  }
  if (seat) {
    const role = game.scenario.roles.find((r) => r.id === seat.roleId);
    if (role && !seenRole) {
      return (
        <JoinShell>
          <RoleCard role={role} headingLevel={2} />
          <button
            type="button"
            className="button-primary button-large"
            data-testid="role-confirm"
            autoFocus
            onClick={() => {
              save(keys.seenRole(code), '1');
              setSeenRole(true);
            }}
          >
            {t('player.join.start')}
          </button>
        </JoinShell>
      );
    }
    return <PlayerView seatId={seat.id} />;
  }
  if (!named) return <NameStep onDone={() => setNamed(true)} />;
  // With one table there is nothing to choose; with more, the table comes before the role.
  const onlyTable = game.tableOrder.length === 1 ? game.tableOrder[0] : undefined;
  const chosen = onlyTable ?? (tableChoice && game.tables[tableChoice] ? tableChoice : null);
  if (!chosen) return <TableStep game={game} onChoose={setTableChoice} onBack={() => setNamed(false)} />;
  return <RoleStep game={game} tableId={chosen} onBack={() => (onlyTable ? setNamed(false) : setTableChoice(null))} />;
}

/** Says so when the facilitator gives this seat another role or table (the board follows by itself). */
function useReassignNotice(seat: Seat | null) {
  const t = useT();
  const game = useApp((s) => s.game);
  const before = useRef<Seat | null>(seat);
  useEffect(() => {
    const was = before.current;
    before.current = seat;
    if (!was || !seat || was.id !== seat.id || (was.roleId === seat.roleId && was.tableId === seat.tableId) || !game) return;
    const role = game.scenario.roles.find((r) => r.id === seat.roleId)?.name ?? seat.roleId;
    const table = tableLabel(game.tables[seat.tableId], seat.tableId, t);
    const s = appStore.getState();
    s.announce(was.tableId === seat.tableId ? t('player.reassigned', { role }) : t('player.reassignedTable', { role, table }));
  }, [seat, game, t]);
}

/** The facilitator deleted the session: nothing to reconnect to, so the page says it is over. */
function SessionEnded() {
  const t = useT();
  useEffect(() => {
    document.title = `${t('player.ended.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="page-shell">
      <header className="topbar">
        <Brand name={t('app.name')} />
        <LanguageSwitch />
      </header>
      <main id="main" className="page narrow join session-ended" data-testid="session-ended">
        <h1>{t('player.ended.title')}</h1>
        <p className="lead">{t('player.ended.body')}</p>
        <button type="button" className="button-secondary button-large" onClick={() => navigate(paths.home())}>
          {t('player.ended.home')}
        </button>
      </main>
    </div>
  );
}

/** The tables of a session as big buttons, each saying how many roles are taken there. */
function TableStep({ game, onChoose, onBack }: { game: SessionState; onChoose: (tableId: string) => void; onBack: () => void }) {
  const t = useT();
  const roles = game.scenario.roles.length;
  const suggested = firstOpenTable(game);
  return (
    <JoinShell>
      <h1>{t('player.join.tableTitle')}</h1>
      <p className="lead">{t('player.join.tableIntro')}</p>
      <ul className="table-choices">
        {game.tableOrder.map((id) => {
          const table = game.tables[id];
          if (!table) return null;
          const taken = Object.values(game.seats).filter((s) => s.tableId === id).length;
          return (
            <li key={id}>
              <button
                type="button"
                className={`table-choice${taken >= roles ? ' is-full' : ''}`}
                data-testid={`table-choice-${id}`}
                autoFocus={id === suggested}
                onClick={() => onChoose(id)}
              >
                <span className="table-choice-name">{tableLabel(table, id, t)}</span>
                <span className="table-choice-seats">{t('player.join.seats', { n: taken, m: roles })}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button-link" onClick={onBack}>
        {t('join.back')}
      </button>
    </JoinShell>
  );
}

function JoinShell({ children }: { children: React.ReactNode }) {
  const t = useT();
  const hasGame = useApp((s) => s.game !== null);
  const seated = useApp((s) => s.seatId !== null);
  return (
    <div className="page-shell">
      <header className="topbar">
        <Brand name={t('app.name')} />
        {hasGame && <StepIndicator />}
        <LanguageSwitch />
      </header>
      <ConnectionBanner onRetry={() => session()?.retry()} />
      <main id="main" className="page narrow join">
        {children}
      </main>
      {hasGame && !seated && <PollOverlay seatId={null} />}
    </div>
  );
}

function CodeStep({ initial = '', error }: { initial?: string; error?: string }) {
  const t = useT();
  const [value, setValue] = useState(initial);
  const id = useId();
  const hintId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseCode(value);
    if (!c) return;
    // The same code again after a failure: try the connection again instead of a no-op navigation.
    if (c === initial) session()?.retry();
    else navigate(paths.join(c));
  };
  useEffect(() => {
    document.title = `${t('join.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <JoinShell>
      <h1>{t('join.title')}</h1>
      <form onSubmit={submit} className="stack">
        <label htmlFor={id}>{t('join.codeLabel')}</label>
        <p id={hintId} className="hint">
          {t('join.codeHint')}
        </p>
        <input
          id={id}
          className="code-input code-input-large"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          autoFocus
          data-testid="code-input"
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary button-large" disabled={!normaliseCode(value)} data-testid="code-submit">
          {t('join.next')}
        </button>
      </form>
    </JoinShell>
  );
}

function NameStep({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [name, setName] = useState(() => load(keys.name) ?? '');
  const id = useId();
  const hintId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    save(keys.name, trimmed);
    onDone();
  };
  return (
    <JoinShell>
      <h1>{t('join.nameTitle')}</h1>
      <form onSubmit={submit} className="stack">
        <label htmlFor={id}>{t('join.nameLabel')}</label>
        <p id={hintId} className="hint">
          {t('join.nameHint')}
        </p>
        <input
          id={id}
          className="text-input-large"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={NAME_MAX}
          autoComplete="given-name"
          aria-describedby={hintId}
          autoFocus
          data-testid="name-input"
        />
        <button type="submit" className="button-primary button-large" disabled={!name.trim()} data-testid="name-submit">
          {t('join.next')}
        </button>
      </form>
    </JoinShell>
  );
}

function RoleStep({ game, tableId, onBack }: { game: SessionState; tableId: string; onBack: () => void }) {
  const t = useT();
  const [claiming, setClaiming] = useState<string | null>(null);
  const tables = game.tableOrder.length;
  const takenBy = new Map<string, string>();
  for (const seat of Object.values(game.seats)) if (seat.tableId === tableId) takenBy.set(seat.roleId, seat.name);
  const roles = game.scenario.roles;
  const allTaken = roles.every((r) => takenBy.has(r.id));

  const claim = async (role: ScenarioRole) => {
    const client = session();
    if (!client) return;
    setClaiming(role.id);
    const name = load(keys.name) ?? '';
    const ack = await client.claimSeat({ tableId, roleId: role.id, name });
    setClaiming(null);
    if (!ack.ok) {
      // CONFLICT here: our claim went through, but its answer and our connection were lost, and a
      // seat token goes only to the connection that claimed. The role may now show as taken.
      const words = ack.code === 'CONFLICT' ? t('join.claimLost') : errorText(appStore.getState().lang, ack.code);
      appStore.getState().announce(words, 'error');
    }
  };

  return (
    <JoinShell>
      <h1>{t('join.roleTitle')}</h1>
      <p className="lead">{t('join.roleIntro')}</p>
      {tables > 1 && (
        <p className="join-table" data-testid="join-table">
          {t('player.join.atTable', { name: tableLabel(game.tables[tableId], tableId, t) })}
        </p>
      )}
      {allTaken && <p className="warning">{t('join.allTaken')}</p>}
      <ul className="role-list" aria-busy={claiming !== null}>
        {roles.map((role) => {
          const taken = takenBy.get(role.id);
          return (
            <li key={role.id}>
              <button
                type="button"
                className={`role-option role-${role.kind ?? 'professional'}${taken !== undefined ? ' is-taken' : ''}`}
                data-testid={`role-${role.id}`}
                data-taken={taken !== undefined}
                disabled={taken !== undefined || claiming !== null}
                onClick={() => void claim(role)}
              >
                <span className="role-option-name">{role.name}</span>
                <span className="role-option-org">{role.organisation ?? t(`roleKind.${role.kind ?? 'professional'}`)}</span>
                <span className="role-option-badges">
                  {role.required && taken === undefined && <span className="badge badge-required">{t('join.required')}</span>}
                  {taken !== undefined && <span className="badge badge-taken">{taken ? t('join.taken', { name: taken }) : t('join.takenShort')}</span>}
                  {claiming === role.id && <span className="badge">{t('join.claiming')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button-link" onClick={onBack}>
        {tables > 1 ? t('player.join.otherTable') : t('join.back')}
      </button>
    </JoinShell>
  );
}

/** The table with the most free roles; its button has the focus, so groups fill evenly. */
function firstOpenTable(game: SessionState): string {
  let best = game.tableOrder[0] ?? 't1';
  let bestFree = -1;
  for (const id of game.tableOrder) {
    const taken = Object.values(game.seats).filter((s) => s.tableId === id).length;
    const free = game.scenario.roles.length - taken;
    if (free > bestFree) {
      best = id;
      bestFree = free;
    }
  }
  return best;
}

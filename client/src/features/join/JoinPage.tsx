import type { ScenarioRole, SessionState } from '@samenspel/game-core';
import { useEffect, useId, useState, type FormEvent } from 'react';
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
  const connection = useApp((s) => s.connection);
  const failure = useApp((s) => s.failure);
  const game = useApp((s) => s.game);
  const seatId = useApp((s) => s.seatId);
  const seat = seatId && game ? (game.seats[seatId] ?? null) : null;
  const [seenRole, setSeenRole] = useState(() => load(keys.seenRole(code)) === '1');
  const [named, setNamed] = useState(false);

  useEffect(() => {
    document.title = `${t('join.title')} · ${t('app.name')}`;
  }, [t]);

  // A released seat starts the role choice again.
  useEffect(() => {
    if (!seatId) setSeenRole(load(keys.seenRole(code)) === '1');
  }, [seatId, code]);

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
            {t('role.toBoard')}
          </button>
        </JoinShell>
      );
    }
    return <PlayerView seatId={seat.id} />;
  }
  if (!named) return <NameStep onDone={() => setNamed(true)} />;
  return <RoleStep game={game} onBack={() => setNamed(false)} />;
}

function JoinShell({ children }: { children: React.ReactNode }) {
  const t = useT();
  const hasGame = useApp((s) => s.game !== null);
  return (
    <div className="page-shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        {hasGame && <StepIndicator />}
        <LanguageSwitch />
      </header>
      <ConnectionBanner onRetry={() => session()?.retry()} />
      <main id="main" className="page narrow join">
        {children}
      </main>
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

function RoleStep({ game, onBack }: { game: SessionState; onBack: () => void }) {
  const t = useT();
  const [tableId, setTableId] = useState(() => firstOpenTable(game));
  const [claiming, setClaiming] = useState<string | null>(null);
  const tables = game.tableOrder.map((id) => game.tables[id]!).filter(Boolean);
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
    if (!ack.ok) appStore.getState().announce(errorText(appStore.getState().lang, ack.code), 'error');
  };

  return (
    <JoinShell>
      <h1>{t('join.roleTitle')}</h1>
      <p className="lead">{t('join.roleIntro')}</p>
      {tables.length > 1 && (
        <fieldset className="table-choice">
          <legend>{t('join.table')}</legend>
          {tables.map((table) => (
            <label key={table.id} className="chip">
              <input type="radio" name="table" value={table.id} checked={table.id === tableId} onChange={() => setTableId(table.id)} data-testid={`table-${table.id}`} />
              {table.name}
            </label>
          ))}
        </fieldset>
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
        {t('join.back')}
      </button>
    </JoinShell>
  );
}

/** The table with the most free roles, so groups fill evenly when people just pick the default. */
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

import type { Seat, SessionState } from '@samenspel/game-core';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store';
import { Collapsible } from '../../ui/Collapsible';
import { useConfirm } from '../../ui/Confirm';
import { Dialog } from '../../ui/Dialog';
import { sendAnnounced } from '../../ui/Facilitation';
import { tableLabel } from '../../ui/tableLabel';

/** Who is here, per table: free a seat, or give someone another role or table. */
export function PeoplePanel({ game }: { game: SessionState }) {
  const t = useT();
  const presence = useApp((s) => s.presence);
  const [reassigning, setReassigning] = useState<Seat | null>(null);
  const online = new Set(presence.seats);
  const seats = Object.values(game.seats);
  const screens = presence.screens;

  const { ask, dialog } = useConfirm();
  const release = async (seatId: string, name: string, role: string) => {
    const sure = await ask({ title: t('confirm.seat.title'), body: t('host.freeConfirm', { name, role }), confirm: t('confirm.seat.ok'), danger: true });
    if (sure) void sendAnnounced('seat:release', { seatId });
  };

  return (
    <Collapsible title={t('host.people')} relevant badge={<span className="badge">{t('host.people.count', { n: seats.length })}</span>} testId="panel-people">
      <p className="muted" data-testid="screen-count">
        {screens === 0 ? t('host.screens.zero') : screens === 1 ? t('host.screens.one') : t('host.screens.other', { n: screens })}
      </p>
      {game.tableOrder.map((tableId) => {
        const table = game.tables[tableId];
        if (!table) return null;
        const atTable = seats.filter((s) => s.tableId === tableId);
        return (
          <div key={tableId} className="people-table">
            {game.tableOrder.length > 1 && <h3>{tableLabel(table, table.id, t)}</h3>}
            <p className="muted">{t('host.playersAt', { n: atTable.length, total: game.scenario.roles.length })}</p>
            <ul className="people-list">
              {game.scenario.roles.map((role) => {
                const seat = atTable.find((s) => s.roleId === role.id);
                if (!seat) {
                  return (
                    <li key={role.id} className={`person is-open${role.required ? ' is-required' : ''}`}>
                      <span className="dot dot-empty" aria-hidden="true" />
                      <span className="person-role">{role.name}</span>
                      <span className="person-name muted">
                        {t('host.openRole')}
                        {role.required && <span className="badge badge-required">{t('join.required')}</span>}
                      </span>
                    </li>
                  );
                }
                const isOnline = online.has(seat.id);
                return (
                  <li key={role.id} className="person" data-testid={`seat-${seat.id}`} data-role={role.id} data-online={isOnline}>
                    <span className={`dot ${isOnline ? 'dot-online' : 'dot-offline'}`} aria-hidden="true" />
                    <span className="person-role">{role.name}</span>
                    <span className="person-name">
                      {seat.name} <span className="visually-hidden">({isOnline ? t('host.online') : t('host.offline')})</span>
                    </span>
                    <span className="person-actions">
                      <button
                        type="button"
                        className="button-small"
                        aria-label={t('host.reassign.label', { name: seat.name, role: role.name })}
                        aria-haspopup="dialog"
                        onClick={() => setReassigning(seat)}
                        data-testid={`reassign-${seat.id}`}
                      >
                        {t('host.reassign')}
                      </button>
                      <button
                        type="button"
                        className="button-small"
                        aria-label={t('host.freeLabel', { name: seat.name, role: role.name })}
                        onClick={() => void release(seat.id, seat.name, role.name)}
                        data-testid={`release-${seat.id}`}
                      >
                        {t('host.free')}
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {seats.length === 0 && <p className="muted">{t('host.noSeats')}</p>}
      <Dialog open={reassigning !== null} onClose={() => setReassigning(null)} label={t('host.reassign.title', { name: reassigning?.name ?? '' })}>
        {reassigning && <ReassignForm key={reassigning.id} game={game} seat={reassigning} onDone={() => setReassigning(null)} />}
      </Dialog>
      {dialog}
    </Collapsible>
  );
}

/** Another role and/or table for one player, who keeps their tablet and stays connected. */
function ReassignForm({ game, seat, onDone }: { game: SessionState; seat: Seat; onDone: () => void }) {
  const t = useT();
  const [tableId, setTableId] = useState(seat.tableId);
  const [roleId, setRoleId] = useState(seat.roleId);
  const [busy, setBusy] = useState(false);
  const ids = { table: useId(), role: useId() };
  const takenBy = (r: string) => Object.values(game.seats).find((s) => s.id !== seat.id && s.tableId === tableId && s.roleId === r);
  const unchanged = tableId === seat.tableId && roleId === seat.roleId;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (unchanged || takenBy(roleId)) return;
    setBusy(true);
    await sendAnnounced('seat:reassign', { seatId: seat.id, tableId, roleId });
    setBusy(false);
    onDone();
  };
  return (
    <form className="reassign-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('host.reassign.title', { name: seat.name })}</h2>
      <p className="muted">{t('host.reassign.explain')}</p>
      {game.tableOrder.length > 1 && (
        <div className="field">
          <label htmlFor={ids.table}>{t('host.reassign.table')}</label>
          <select id={ids.table} data-autofocus value={tableId} onChange={(e) => setTableId(e.target.value)} data-testid="reassign-table">
            {game.tableOrder.map((id) => (
              <option key={id} value={id}>
                {tableLabel(game.tables[id], id, t)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.role}>{t('host.reassign.role')}</label>
        <select id={ids.role} data-autofocus={game.tableOrder.length > 1 ? undefined : true} value={roleId} onChange={(e) => setRoleId(e.target.value)} data-testid="reassign-role">
          {game.scenario.roles.map((r) => {
            const other = takenBy(r.id);
            return (
              <option key={r.id} value={r.id} disabled={other !== undefined}>
                {other ? t('host.reassign.taken', { role: r.name, name: other.name }) : r.name}
              </option>
            );
          })}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy || unchanged || takenBy(roleId) !== undefined} data-testid="reassign-confirm">
          {t('host.reassign.confirm')}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          {t('host.reassign.cancel')}
        </button>
      </div>
    </form>
  );
}

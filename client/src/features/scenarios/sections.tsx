import { STEPS, SUPPORT_TYPES } from '@samenspel/game-core';
import { useTrainerT as useT } from '../../i18n/useTrainerT';
import { asArray, asText, FIELD_ORDER, freeId, isRecord, renameRoleId, replaceValue, addItem } from './doc';
import { CheckField, ItemBox, SelectField, StringList, TextField, useEditor, valueAt } from './fields';

/* The form, one section per part of the scenario file. */

function useOptions() {
  const { data } = useEditor();
  const t = useT();
  const sectors = asArray(valueAt(data, ['board', 'sectors'])).filter(isRecord);
  const roles = asArray(data.roles).filter(isRecord);
  const labels = isRecord(valueAt(data, ['board', 'supportTypes'])) ? (valueAt(data, ['board', 'supportTypes']) as Record<string, unknown>) : {};
  return {
    sectors: sectors.map((s) => [asText(s.id), `${asText(s.label) || asText(s.id)}`] as const),
    roles: roles.map((r) => [asText(r.id), `${asText(r.name) || asText(r.id)}`] as const),
    supportTypes: SUPPORT_TYPES.map((type) => [type, asText(labels[type]) || t(`support.${type}`)] as const),
  };
}

export function MetaSection() {
  const t = useT();
  const o = FIELD_ORDER.meta;
  return (
    <div className="form-grid">
      <TextField path={['id']} label={t('trainer.f.id')} hint={t('trainer.f.idHint')} />
      <TextField path={['meta', 'title']} label={t('trainer.f.title')} order={o} />
      <SelectField path={['meta', 'language']} label={t('trainer.f.language')} options={[['nl', t('lang.nl')], ['en', t('lang.en')]]} order={o} />
      <TextField path={['meta', 'version']} label={t('trainer.f.version')} order={o} />
      <TextField path={['meta', 'author']} label={t('trainer.f.author')} order={o} />
      <TextField path={['meta', 'durationMinutes']} label={t('trainer.f.duration')} order={o} />
      <TextField path={['meta', 'description']} label={t('trainer.f.description')} multiline order={o} />
    </div>
  );
}

export function PersonaSection() {
  const t = useT();
  const { data, edit } = useEditor();
  const o = FIELD_ORDER.persona;
  const interview = asArray(valueAt(data, ['persona', 'interview']));
  return (
    <>
      <div className="form-grid">
        <TextField path={['persona', 'name']} label={t('trainer.f.name')} order={o} />
        <TextField path={['persona', 'age']} label={t('trainer.f.age')} order={o} />
        <TextField path={['persona', 'avatar']} label={t('trainer.f.avatar')} hint={t('trainer.f.avatarHint')} optional order={o} />
        <TextField path={['persona', 'image']} label={t('trainer.f.image')} hint={t('trainer.f.imageHint')} optional order={o} />
        <TextField path={['persona', 'situation']} label={t('trainer.f.situation')} multiline order={o} />
      </div>
      <h3>{t('trainer.interview')}</h3>
      {interview.map((item, i) => (
        <ItemBox key={i} path={['persona', 'interview']} index={i} count={interview.length} title={isRecord(item) ? asText(item.question) : ''}>
          <TextField path={['persona', 'interview', i, 'question']} label={t('trainer.f.question')} multiline />
          <TextField path={['persona', 'interview', i, 'answer']} label={t('trainer.f.answer')} multiline />
        </ItemBox>
      ))}
      <button type="button" className="button-secondary button-add" onClick={() => edit((doc) => addItem(doc, ['persona', 'interview'], { question: t('trainer.new.question'), answer: t('trainer.new.answer') }, o))}>
        + {t('trainer.addQuestion')}
      </button>
    </>
  );
}

export function BoardSection() {
  const t = useT();
  const { data, edit } = useEditor();
  const sectors = asArray(valueAt(data, ['board', 'sectors']));
  return (
    <>
      <h3>{t('trainer.sectors')}</h3>
      <p className="hint">{t('trainer.sectorsHint')}</p>
      {sectors.map((s, i) => (
        <ItemBox key={i} path={['board', 'sectors']} index={i} count={sectors.length} title={isRecord(s) ? asText(s.label) : ''}>
          <TextField path={['board', 'sectors', i, 'label']} label={t('trainer.f.label')} />
          <TextField path={['board', 'sectors', i, 'id']} label={t('trainer.f.id')} />
        </ItemBox>
      ))}
      <button
        type="button"
        className="button-secondary button-add"
        onClick={() => edit((doc) => addItem(doc, ['board', 'sectors'], { id: freeId(sectors, 'domein'), label: t('trainer.new.sector') }))}
      >
        + {t('trainer.addSector')}
      </button>
      <h3>{t('trainer.supportTypes')}</h3>
      <p className="hint">{t('trainer.supportTypesHint')}</p>
      <div className="form-grid">
        {SUPPORT_TYPES.map((type) => (
          <TextField key={type} path={['board', 'supportTypes', type]} label={t(`support.${type}`)} optional order={FIELD_ORDER.supportTypes} />
        ))}
      </div>
    </>
  );
}

export function RolesSection() {
  const t = useT();
  const { data, edit } = useEditor();
  const roles = asArray(data.roles);
  const o = FIELD_ORDER.role;
  return (
    <>
      {roles.map((r, i) => (
        <ItemBox key={i} path={['roles']} index={i} count={roles.length} title={isRecord(r) ? asText(r.name) : ''} testId={`edit-role-${i}`}>
          <TextField path={['roles', i, 'name']} label={t('trainer.f.name')} />
          <TextField path={['roles', i, 'id']} label={t('trainer.f.id')} hint={t('trainer.f.roleIdHint')} onText={(doc, text) => renameRoleId(doc, i, text)} />
          <SelectField
            path={['roles', i, 'kind']}
            label={t('trainer.f.kind')}
            options={[['persona', t('roleKind.persona')], ['informeel', t('roleKind.informeel')], ['professional', t('roleKind.professional')]]}
            order={o}
          />
          <TextField path={['roles', i, 'organisation']} label={t('role.organisation')} optional order={o} />
          <TextField path={['roles', i, 'law']} label={t('role.law')} optional order={o} />
          <TextField path={['roles', i, 'perspective']} label={t('role.perspective')} multiline order={o} />
          <TextField path={['roles', i, 'mandate']} label={t('role.mandate')} multiline order={o} />
          <TextField path={['roles', i, 'mayNot']} label={t('role.mayNot')} multiline order={o} />
          <CheckField path={['roles', i, 'required']} label={t('trainer.f.required')} order={o} />
        </ItemBox>
      ))}
      <button
        type="button"
        className="button-secondary button-add"
        onClick={() =>
          edit((doc) =>
            addItem(doc, ['roles'], {
              id: freeId(roles, 'rol'),
              name: t('trainer.new.role'),
              kind: 'professional',
              perspective: '…',
              mandate: '…',
              mayNot: '…',
            }),
          )
        }
      >
        + {t('trainer.addRole')}
      </button>
    </>
  );
}

function CardFields({ base, order }: { base: (string | number)[]; order: readonly string[] }) {
  const t = useT();
  const opts = useOptions();
  return (
    <>
      <TextField path={[...base, 'label']} label={t('trainer.f.label')} order={order} />
      <TextField path={[...base, 'short']} label={t('trainer.f.short')} hint={t('trainer.f.shortHint')} optional order={order} />
      <TextField path={[...base, 'id']} label={t('trainer.f.id')} order={order} />
      <SelectField path={[...base, 'role']} label={t('trainer.f.role')} options={opts.roles} optional emptyLabel={t('trainer.noRole')} order={order} />
      <TextField path={[...base, 'law']} label={t('role.law')} optional order={order} />
      <SelectField path={[...base, 'supportType']} label={t('trainer.f.supportType')} options={opts.supportTypes} order={order} />
      <SelectField path={[...base, 'sector']} label={t('trainer.f.sector')} options={opts.sectors} order={order} />
    </>
  );
}

export function CardsSection() {
  const t = useT();
  const { data, edit } = useEditor();
  const cards = asArray(data.cards);
  const o = FIELD_ORDER.card;
  const sectors = asArray(valueAt(data, ['board', 'sectors'])).filter(isRecord);
  return (
    <>
      {cards.map((c, i) => (
        <ItemBox key={i} path={['cards']} index={i} count={cards.length} title={isRecord(c) ? asText(c.label) : ''} testId={`edit-card-${i}`}>
          <CardFields base={['cards', i]} order={o} />
          <SelectField
            path={['cards', i, 'placement']}
            label={t('trainer.f.placement')}
            options={[['deck', t('trainer.placementDeck')], ['start', t('trainer.placementStart')]]}
            optional
            emptyLabel={t('trainer.placementDefault')}
            order={o}
          />
          <TextField path={['cards', i, 'note']} label={t('trainer.f.note')} optional multiline order={o} />
        </ItemBox>
      ))}
      <button
        type="button"
        className="button-secondary button-add"
        data-testid="add-card"
        onClick={() =>
          edit((doc) =>
            addItem(doc, ['cards'], { id: freeId(cards, 'kaart'), label: t('trainer.new.card'), supportType: 'eigen', sector: asText(sectors[0]?.id) || 'wonen' }),
          )
        }
      >
        + {t('trainer.addCard')}
      </button>
    </>
  );
}

export function PollsSection() {
  const t = useT();
  const { data, edit } = useEditor();
  const polls = asArray(data.polls);
  const o = FIELD_ORDER.poll;
  return (
    <>
      {polls.map((p, i) => (
        <ItemBox key={i} path={['polls']} index={i} count={polls.length} title={isRecord(p) ? asText(p.question) : ''}>
          <TextField path={['polls', i, 'question']} label={t('trainer.f.question')} multiline order={o} />
          <TextField path={['polls', i, 'id']} label={t('trainer.f.id')} order={o} />
          <SelectField path={['polls', i, 'kind']} label={t('trainer.f.pollKind')} options={[['choice', t('trainer.pollChoice')], ['scale', t('trainer.pollScale')]]} order={o} />
          <StringList path={['polls', i, 'options']} label={t('trainer.f.options')} itemLabel={(n) => t('trainer.optionN', { n })} addLabel={t('trainer.addOption')} order={o} />
        </ItemBox>
      ))}
      <button type="button" className="button-secondary button-add" onClick={() => edit((doc) => addItem(doc, ['polls'], { id: freeId(polls, 'peiling'), kind: 'scale', question: t('trainer.new.poll') }, FIELD_ORDER.scenario))}>
        + {t('trainer.addPoll')}
      </button>
    </>
  );
}

export function PromptsSection() {
  const t = useT();
  return (
    <>
      <p className="hint">{t('trainer.promptsHint')}</p>
      {STEPS.map((step) => (
        <StringList
          key={step}
          path={['prompts', step]}
          label={t(`step.${step}`)}
          itemLabel={(n) => t('trainer.promptN', { n })}
          addLabel={t('trainer.addPrompt')}
          multiline
          order={FIELD_ORDER.prompts}
        />
      ))}
    </>
  );
}

const EFFECT_KINDS = ['end', 'move', 'pause', 'resume', 'role', 'add'] as const;

function EffectFields({ e, f }: { e: number; f: number }) {
  const t = useT();
  const { data, edit } = useEditor();
  const opts = useOptions();
  const base = ['events', e, 'effects', f];
  const effect = valueAt(data, base);
  const kind = isRecord(effect) ? asText(effect.kind) : '';
  const o = FIELD_ORDER.effect;
  // Cards an effect may end or move: the scenario's own and those earlier events bring in.
  const cardOptions = [
    ...asArray(data.cards).filter(isRecord).map((c) => [asText(c.id), asText(c.label) || asText(c.id)] as const),
    ...asArray(data.events)
      .filter(isRecord)
      .flatMap((ev) => asArray(ev.effects))
      .filter((x): x is Record<string, unknown> => isRecord(x) && isRecord(x.card))
      .map((x) => {
        const c = x.card as Record<string, unknown>;
        return [asText(c.id), asText(c.label) || asText(c.id)] as const;
      }),
  ];

  const changeKind = (next: string) =>
    edit((doc) => {
      const reason = isRecord(effect) ? effect.reason : undefined;
      const card = isRecord(effect) && typeof effect.card === 'string' ? effect.card : asText(cardOptions[0]?.[0]);
      const value: Record<string, unknown> =
        next === 'add'
          ? { kind: 'add', to: 'deck', card: { id: freeId([...asArray(data.cards)], 'nieuwe-kaart'), label: t('trainer.new.card'), supportType: 'eigen', sector: asText(opts.sectors[0]?.[0]) } }
          : next === 'move'
            ? { kind: 'move', card, supportType: 'landelijk' }
            : next === 'role'
              ? { kind: 'role', role: asText(opts.roles[0]?.[0]), mandate: '…' }
              : { kind: next === 'pause' || next === 'resume' ? next : 'end', card };
      if (typeof reason === 'string') value.reason = reason;
      replaceValue(doc, base, value);
    });

  return (
    <>
      <div className="field">
        <label htmlFor={`f-${base.join('-')}-kind`}>{t('trainer.f.effectKind')}</label>
        <select id={`f-${base.join('-')}-kind`} value={kind} onChange={(ev) => changeKind(ev.target.value)}>
          {!EFFECT_KINDS.includes(kind as (typeof EFFECT_KINDS)[number]) && <option value={kind}>{t('trainer.unknownValue', { value: kind })}</option>}
          {EFFECT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`trainer.effectKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {(kind === 'end' || kind === 'move' || kind === 'pause' || kind === 'resume') && (
        <SelectField path={[...base, 'card']} label={t('trainer.f.card')} options={cardOptions} order={o} />
      )}
      {kind === 'role' && (
        <>
          <SelectField path={[...base, 'role']} label={t('trainer.f.role')} options={opts.roles} order={o} />
          <TextField path={[...base, 'organisation']} label={t('trainer.f.newOrganisation')} hint={t('trainer.f.roleChangeHint')} optional order={o} />
          <TextField path={[...base, 'law']} label={t('trainer.f.newLaw')} optional order={o} />
          <TextField path={[...base, 'mandate']} label={t('trainer.f.newMandate')} optional multiline order={o} />
          <TextField path={[...base, 'mayNot']} label={t('trainer.f.newMayNot')} optional multiline order={o} />
        </>
      )}
      {kind === 'move' && (
        <>
          <SelectField path={[...base, 'supportType']} label={t('trainer.f.toSupportType')} options={opts.supportTypes} optional emptyLabel={t('trainer.same')} order={o} />
          <SelectField path={[...base, 'sector']} label={t('trainer.f.toSector')} options={opts.sectors} optional emptyLabel={t('trainer.same')} order={o} />
        </>
      )}
      {kind === 'add' && (
        <>
          <SelectField path={[...base, 'to']} label={t('trainer.f.addTo')} options={[['deck', t('trainer.toDeck')], ['board', t('trainer.toBoard')]]} order={o} />
          <CardFields base={[...base, 'card']} order={FIELD_ORDER.card} />
        </>
      )}
      <TextField path={[...base, 'reason']} label={t('trainer.f.reason')} optional multiline order={o} />
    </>
  );
}

export function EventsSection() {
  const t = useT();
  const { data, edit } = useEditor();
  const events = asArray(data.events);
  const o = FIELD_ORDER.event;
  return (
    <>
      {events.map((ev, e) => {
        const effects = isRecord(ev) ? asArray(ev.effects) : [];
        return (
          <ItemBox key={e} path={['events']} index={e} count={events.length} title={isRecord(ev) ? asText(ev.title) : ''}>
            <TextField path={['events', e, 'title']} label={t('trainer.f.title')} order={o} />
            <TextField path={['events', e, 'id']} label={t('trainer.f.id')} order={o} />
            <TextField path={['events', e, 'narrative']} label={t('trainer.f.narrative')} multiline order={o} />
            <TextField path={['events', e, 'age']} label={t('trainer.f.eventAge')} hint={t('trainer.f.eventAgeHint')} optional order={o} />
            <div className="field-wide">
              <h4>{t('trainer.effects')}</h4>
              {effects.map((_, f) => (
                <ItemBox key={f} path={['events', e, 'effects']} index={f} count={effects.length} title={t('trainer.effectN', { n: f + 1 })}>
                  <EffectFields e={e} f={f} />
                </ItemBox>
              ))}
              <button
                type="button"
                className="button-secondary button-add"
                onClick={() => edit((doc) => addItem(doc, ['events', e, 'effects'], { kind: 'end', card: asText(isRecord(asArray(data.cards)[0]) ? (asArray(data.cards)[0] as Record<string, unknown>).id : '') }, o))}
              >
                + {t('trainer.addEffect')}
              </button>
            </div>
            <div className="field-wide">
              <StringList path={['events', e, 'questions']} label={t('events.questions')} itemLabel={(n) => t('trainer.questionN', { n })} addLabel={t('trainer.addQuestion')} multiline order={o} />
            </div>
          </ItemBox>
        );
      })}
      <button
        type="button"
        className="button-secondary button-add"
        onClick={() => edit((doc) => addItem(doc, ['events'], { id: freeId(events, 'gebeurtenis'), title: t('trainer.new.event'), narrative: '…', effects: [] }, FIELD_ORDER.scenario))}
      >
        + {t('trainer.addEvent')}
      </button>
    </>
  );
}

export function ReflectionSection() {
  const t = useT();
  const { data, edit } = useEditor();
  const groups = asArray(valueAt(data, ['reflection', 'praatplaat']));
  const o = FIELD_ORDER.praatplaatGroup;
  return (
    <>
      <StringList path={['reflection', 'prompts']} label={t('trainer.reflectionPrompts')} itemLabel={(n) => t('trainer.promptN', { n })} addLabel={t('trainer.addPrompt')} multiline />
      <h3>{t('trainer.praatplaat')}</h3>
      <p className="hint">{t('trainer.praatplaatHint')}</p>
      {groups.map((g, i) => (
        <ItemBox key={i} path={['reflection', 'praatplaat']} index={i} count={groups.length} title={isRecord(g) ? asText(g.title) : ''}>
          <TextField path={['reflection', 'praatplaat', i, 'group']} label={t('trainer.f.praatplaatGroup')} order={o} />
          <TextField path={['reflection', 'praatplaat', i, 'title']} label={t('trainer.f.title')} order={o} />
          <div className="field-wide">
            <StringList
              path={['reflection', 'praatplaat', i, 'questions']}
              label={t('trainer.f.praatplaatQuestions')}
              itemLabel={(n) => t('trainer.questionN', { n })}
              addLabel={t('trainer.addQuestion')}
              multiline
              order={o}
            />
          </div>
        </ItemBox>
      ))}
      <button
        type="button"
        className="button-secondary button-add"
        onClick={() =>
          edit((doc) =>
            addItem(doc, ['reflection', 'praatplaat'], { group: t('trainer.new.praatplaatGroup'), title: t('trainer.new.praatplaatTitle'), questions: ['…'] }, FIELD_ORDER.reflection),
          )
        }
      >
        + {t('trainer.addPraatplaatGroup')}
      </button>
    </>
  );
}

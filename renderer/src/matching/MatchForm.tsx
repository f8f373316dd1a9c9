import { childGenders, commonNeeds, findMunicipality, homeKinds, legalBases, municipalityNames } from '../../../preload/api';
import { kindLabels, legalBasisLabels, needLabels } from '../labels';
import { DateField, Field, SelectField, TextField } from '../placement/fields';
import { genderLabels, type MatchField, type MatchValues } from './search';

/** The ids of the fields: focus goes to one after a failed search. */
export const matchFieldId = (field: MatchField) => `match-${field}`;

const genderOptions = childGenders.map((value) => ({ value, label: genderLabels[value] }));
const legalBasisOptions = legalBases.map((value) => ({ value, label: legalBasisLabels[value] }));
const formOptions = homeKinds.map((value) => ({ value, label: kindLabels[value] }));
const MUNICIPALITY_LIST_ID = 'match-municipality-list';

/**
 * What the case worker knows of the child's need. Enter in any text field searches; a problem is
 * told at its field. The child is not named: no name, no personnummer (data minimisation).
 */
export function MatchForm(props: {
  values: MatchValues;
  errors: Map<string, string>;
  searching: boolean;
  /** Said above the button when the last search found problems. */
  problem: string | null;
  onChange: (values: MatchValues) => void;
  onSubmit: () => void;
}) {
  const { values, errors } = props;
  const set = <K extends keyof MatchValues>(key: K, value: MatchValues[K]) => props.onChange({ ...values, [key]: value });
  const needsErrorId = errors.has('needs') ? `${matchFieldId('needs')}-error` : undefined;

  return (
    <form
      className="match-form"
      aria-labelledby="match-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 id="match-form-title" className="match-form__title">Barnets behov</h2>
      <p className="match-form__privacy">
        Barnets namn och personnummer behövs inte och frågas inte efter: bara det som avgör vilket hem som passar.
      </p>

      <TextField
        id={matchFieldId('age')}
        label="Ålder"
        required
        className="match-form__age"
        error={errors.get('age')}
        value={values.age}
        onChange={(age) => set('age', age)}
      />
      <SelectField
        id={matchFieldId('gender')}
        label="Kön"
        placeholder="Ej angivet"
        options={genderOptions}
        error={errors.get('gender')}
        value={values.gender}
        onChange={(gender) => set('gender', gender)}
      />

      <fieldset className="checkbox-group match-form__needs" aria-describedby={needsErrorId}>
        <legend>Behov</legend>
        <div className="match-form__need-items">
          {commonNeeds.map((need, index) => (
            <label key={need} className="checkbox">
              <input
                type="checkbox"
                id={index === 0 ? matchFieldId('needs') : undefined}
                checked={values.needs.includes(need)}
                onChange={(event) =>
                  set('needs', event.target.checked ? commonNeeds.filter((n) => n === need || values.needs.includes(n)) : values.needs.filter((n) => n !== need))
                }
              />
              {needLabels[need] ?? need}
            </label>
          ))}
        </div>
        {needsErrorId && <p className="field__error" id={needsErrorId}>{errors.get('needs')}</p>}
      </fieldset>
      <TextField
        id={matchFieldId('otherNeeds')}
        label="Andra behov"
        hint="Skilj flera behov åt med kommatecken."
        error={errors.get('otherNeeds')}
        value={values.otherNeeds}
        onChange={(otherNeeds) => set('otherNeeds', otherNeeds)}
      />

      <SelectField
        id={matchFieldId('legalBasis')}
        label="Lagrum"
        hint="Lagrummet ändrar inte vilka hem som visas eller i vilken ordning."
        placeholder="Ej angivet"
        options={legalBasisOptions}
        error={errors.get('legalBasis')}
        value={values.legalBasis}
        onChange={(legalBasis) => set('legalBasis', legalBasis)}
      />

      <Field id={matchFieldId('municipality')} label="Önskad kommun" hint="Hem i kommunen passar bäst, sedan hem i samma län." error={errors.get('municipality')}>
        {(input) => (
          <>
            <input
              {...input}
              className="input"
              autoComplete="off"
              list={MUNICIPALITY_LIST_ID}
              value={values.municipality}
              onChange={(event) => set('municipality', event.target.value)}
              // Written the official way when the field is left ("sundsvall" becomes Sundsvall).
              onBlur={() => {
                const official = findMunicipality(values.municipality)?.name;
                if (official !== undefined && official !== values.municipality) set('municipality', official);
              }}
            />
            <datalist id={MUNICIPALITY_LIST_ID}>
              {municipalityNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </>
        )}
      </Field>

      <SelectField
        id={matchFieldId('form')}
        label="Boendeform"
        placeholder="Alla boendeformer"
        options={formOptions}
        error={errors.get('form')}
        value={values.form}
        onChange={(form) => set('form', form)}
      />

      <DateField
        id={matchFieldId('startOn')}
        label="Startdatum"
        required
        error={errors.get('startOn')}
        value={values.startOn}
        onChange={(startOn) => set('startOn', startOn)}
      />

      {props.problem && (
        <p className="field__error match-form__problem" role="alert">
          {props.problem}
        </p>
      )}
      <div className="match-form__actions">
        <button type="submit" className="button button--primary" disabled={props.searching}>
          {props.searching ? 'Söker…' : 'Sök hem'}
        </button>
      </div>
    </form>
  );
}

import { describe, expect, it } from 'vitest';
import { matchInput } from '../../../preload/api';
import {
  describeSearch,
  emptyValues,
  excludedOpenIn,
  fieldOfPath,
  hasSearch,
  inputFromValues,
  municipalityProblem,
  paramsFromValues,
  searchKey,
  valuesFromParams,
  withExcludedOpen,
  type MatchValues,
} from '../../../renderer/src/matching/search';

const TODAY = '2026-11-22';
const girl: MatchValues = {
  age: '15',
  gender: 'flicka',
  needs: ['missbruk', 'sjalvskada'],
  otherNeeds: 'Tolk på arabiska, ADHD',
  legalBasis: 'LVU2',
  municipality: 'Sundsvall',
  form: 'hvb',
  startOn: '2026-12-01',
};

describe('the search in the address', () => {
  it('comes back from the address as it was sent, the typed needs apart from the common ones', () => {
    const params = paramsFromValues(girl);
    expect(params.toString()).toBe(
      'alder=15&kon=flicka&behov=missbruk&behov=sjalvskada&behov=Tolk+p%C3%A5+arabiska&behov=ADHD&lagrum=LVU2&kommun=Sundsvall&form=hvb&start=2026-12-01',
    );
    expect(valuesFromParams(new URLSearchParams(params.toString()), TODAY)).toEqual(girl);
  });

  it('leaves out the choices not made, and the page without a search is the empty form', () => {
    const params = paramsFromValues({ ...emptyValues(TODAY), age: '7' });
    expect(params.toString()).toBe('alder=7&start=2026-11-22');
    expect(hasSearch(params)).toBe(true);
    expect(hasSearch(new URLSearchParams())).toBe(false);
    expect(valuesFromParams(new URLSearchParams(), TODAY)).toEqual(emptyValues(TODAY));
  });

  it('ignores what the address holds wrongly (a gender, a form or a legal basis there is none of)', () => {
    const values = valuesFromParams(new URLSearchParams('alder=9&kon=annat&form=slott&lagrum=LVM'), TODAY);
    expect(values).toMatchObject({ age: '9', gender: '', form: '', legalBasis: '', startOn: TODAY });
  });

  it('keeps whether the excluded homes are unfolded apart from the search itself', () => {
    const params = paramsFromValues(girl);
    expect(excludedOpenIn(params)).toBeNull();
    const open = withExcludedOpen(params, true);
    expect(excludedOpenIn(open)).toBe(true);
    expect(excludedOpenIn(withExcludedOpen(open, false))).toBe(false);
    expect(searchKey(open)).toBe(searchKey(params));
  });
});

describe('the contract\'s input', () => {
  it('is what the contract takes, with each need once and the kommun written the official way', () => {
    const input = inputFromValues({ ...girl, otherNeeds: ' ADHD,, Missbruk , ADHD, självskadebeteende ', municipality: 'sundsvall' });
    expect(input).toEqual({
      age: 15,
      gender: 'flicka',
      needs: ['missbruk', 'sjalvskada', 'ADHD'],
      legalBasis: 'LVU2',
      municipality: 'Sundsvall',
      form: 'hvb',
      startOn: '2026-12-01',
    });
    expect(matchInput.safeParse(input).success).toBe(true);
  });

  it('sends an age that is no whole number as typed, so the contract\'s message is the one shown', () => {
    for (const typed of ['', 'femton', '15,5']) {
      const result = matchInput.safeParse(inputFromValues({ ...girl, age: typed }));
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path.join('/'), issue.message])).toEqual([['age', 'Ange barnets ålder i hela år.']]);
    }
    const old = matchInput.safeParse(inputFromValues({ ...girl, age: '25' }));
    expect(old.error?.issues[0]?.message).toBe('Placeringar gäller barn och unga under 21 år.');
  });

  it('takes a common need typed by its name as that need, so the form shows it ticked', () => {
    const values = { ...emptyValues(TODAY), age: '12', otherNeeds: 'Hedersrelaterat våld, skyddsbehov, Tolk' };
    expect(inputFromValues(values).needs).toEqual(['hedersrelaterat-vald', 'skyddsbehov', 'Tolk']);
    const back = valuesFromParams(paramsFromValues(values), TODAY);
    expect(back.needs).toEqual(['hedersrelaterat-vald', 'skyddsbehov']);
    expect(back.otherNeeds).toBe('Tolk');
  });

  it('sends no choice as null', () => {
    expect(inputFromValues({ ...emptyValues(TODAY), age: '3' })).toEqual({
      age: 3, gender: null, needs: [], legalBasis: null, municipality: null, form: null, startOn: TODAY,
    });
  });
});

describe('problems at their fields', () => {
  it.each([
    ['/age', 'age'],
    ['/startOn', 'startOn'],
    ['/needs/3', 'otherNeeds'],
    ['/municipality', 'municipality'],
    ['', ''],
    ['/somethingElse', ''],
  ])('%s is told at %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });

  it('knows Sweden\'s kommuner and says when a name is none of them', () => {
    expect(municipalityProblem('')).toBeNull();
    expect(municipalityProblem('örnsköldsvik')).toBeNull();
    expect(municipalityProblem('Sundsvalll')).toBe('Ingen av Sveriges kommuner heter "Sundsvalll". Välj en kommun i listan.');
  });
});

describe('describeSearch: the search in words above its answer', () => {
  it('names the needs in a sentence\'s case, the typed ones as typed', () => {
    expect(describeSearch(girl)).toBe(
      '15 år · flicka · missbruk · självskadebeteende · Tolk på arabiska · ADHD · LVU 2 § · HVB · nära Sundsvall · från 2026-12-01',
    );
    expect(describeSearch({ ...emptyValues(TODAY), age: '4', form: 'familjehem' })).toBe('4 år · familjehem · från 2026-11-22');
    expect(describeSearch({ ...emptyValues(TODAY), age: '4' })).toBe('4 år · alla boendeformer · från 2026-11-22');
  });
});

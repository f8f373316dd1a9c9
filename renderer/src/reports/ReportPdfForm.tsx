import { useState } from 'react';
import type { PdfFile, Result } from '../../../preload/api';
import { downloadFile } from '../components/downloadFile';
import { MunicipalityField, rememberedMunicipality, rememberMunicipality } from '../components/MunicipalityField';

/**
 * "Kommun" and "Spara som PDF" for a report made in main: the kommun asked as Aktgranskning's
 * report asks it (and remembered the same way), "Skapar PDF …" while main works, the buttons
 * disabled meanwhile, and a refusal at the field it is about.
 */
export function ReportPdfForm(props: {
  id: string;
  /** Makes the PDF for the kommun (null: none named). */
  make: (municipality: string | null) => Promise<Result<PdfFile>>;
  /** What the toast calls it ("Nämndrapporten"). */
  what: string;
  notify: (message: string) => void;
  onBusyChange?: (busy: boolean) => void;
  disabled?: boolean;
  /** Fields of the caller's that come before the kommun (year, unit). */
  children?: React.ReactNode;
}) {
  const [municipality, setMunicipality] = useState(rememberedMunicipality);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fieldId = `${props.id}-municipality`;
  const statusId = `${props.id}-status`;

  async function create() {
    if (busy) return;
    setBusy(true);
    props.onBusyChange?.(true);
    setFieldError(null);
    setError(null);
    const text = municipality.trim();
    const result = await props.make(text === '' ? null : text);
    setBusy(false);
    props.onBusyChange?.(false);
    if (!result.ok) {
      const atField = (result.error.issues ?? []).find((issue) => issue.path === '/municipality')?.message;
      if (atField) {
        setFieldError(atField);
        requestAnimationFrame(() => document.getElementById(fieldId)?.focus());
      } else setError(result.error.message);
      return;
    }
    if (text !== '') rememberMunicipality(text);
    downloadFile(result.value.base64, result.value.fileName, 'application/pdf');
    props.notify(`${props.what} är sparad som ${result.value.fileName}.`);
  }

  return (
    <form
      className="report-pdf"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      {props.children}
      <MunicipalityField id={fieldId} className="report-pdf__municipality" value={municipality} onChange={setMunicipality} error={fieldError} />
      <button type="submit" className="button button--primary report-pdf__button" disabled={busy || props.disabled} aria-describedby={statusId}>
        Spara som PDF
      </button>
      <p id={statusId} className="report-pdf__status" role="status">
        {busy ? 'Skapar PDF …' : ''}
      </p>
      {error !== null && (
        <p className="report-pdf__error" role="alert">
          PDF:en kunde inte skapas. {error}
        </p>
      )}
    </form>
  );
}

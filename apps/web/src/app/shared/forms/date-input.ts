import { Directive, ElementRef, inject } from '@angular/core';

/** `20270630` or `2027 06 30` as `2027-06-30`; anything else as typed (trimmed). */
export function tidyDate(text: string): string {
  const trimmed = text.trim();
  const digits = /^(\d{4})[\s./-]?(\d{2})[\s./-]?(\d{2})$/.exec(trimmed);
  return digits ? `${digits[1]}-${digits[2]}-${digits[3]}` : trimmed;
}

/**
 * A date typed as ÅÅÅÅ-MM-DD whatever the browser's language (an `<input type="date">` shows
 * mm/dd/yyyy in an English browser): a text field for digits, tidied to ÅÅÅÅ-MM-DD when it loses
 * focus. Its value is the ISO date the forms already check; the hint beside it names the format.
 */
@Directive({
  selector: 'input[lrDateInput]',
  host: {
    type: 'text',
    class: 'date-input',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: '10',
    placeholder: 'ÅÅÅÅ-MM-DD',
    '(blur)': 'tidy()',
  },
})
export class DateInput {
  private readonly element = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;

  protected tidy(): void {
    const tidied = tidyDate(this.element.value);
    if (tidied === this.element.value) return;
    this.element.value = tidied;
    // As if typed: reactive forms listen to input, the list filters to change.
    this.element.dispatchEvent(new Event('input', { bubbles: true }));
    this.element.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

import { DateInput, tidyDate } from './date-input';

@Component({
  selector: 'lr-date-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, DateInput],
  template: `<label for="d">Datum</label><input id="d" lrDateInput [formControl]="date" />`,
})
class DateHost {
  readonly date = new FormControl('', { nonNullable: true });
}

describe('DateInput', () => {
  it('tidies digits to ÅÅÅÅ-MM-DD and leaves anything else as typed', () => {
    expect(tidyDate('20270630')).toBe('2027-06-30');
    expect(tidyDate(' 2027 06 30 ')).toBe('2027-06-30');
    expect(tidyDate('2027/06/30')).toBe('2027-06-30');
    expect(tidyDate('2027-06-30')).toBe('2027-06-30');
    expect(tidyDate('06/30/2027')).toBe('06/30/2027');
    expect(tidyDate('')).toBe('');
  });

  it('is a text field for digits, never the browser’s own date field', () => {
    const fixture = TestBed.createComponent(DateHost);
    fixture.detectChanges();
    const input = (fixture.nativeElement as HTMLElement).querySelector('input');
    expect(input?.getAttribute('type')).toBe('text');
    expect(input?.getAttribute('inputmode')).toBe('numeric');
    expect(input?.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD');
  });

  it('gives the form the tidied date when the field loses focus', () => {
    const fixture = TestBed.createComponent(DateHost);
    fixture.detectChanges();
    const input = (fixture.nativeElement as HTMLElement).querySelector('input') as HTMLInputElement;
    input.value = '20270630';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    expect(fixture.componentInstance.date.value).toBe('2027-06-30');
    expect(input.value).toBe('2027-06-30');
  });
});

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import {
  type HasUnsavedChanges,
  UNSAVED_CHANGES_QUESTION,
  unsavedChangesGuard,
  warnBeforeUnload,
} from './unsaved-changes';

let unsaved = false;

@Component({
  selector: 'lr-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
class FormPage implements HasUnsavedChanges {
  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }
  hasUnsavedChanges(): boolean {
    return unsaved;
  }
}

@Component({
  selector: 'lr-other-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
class OtherPage {}

describe('the unsaved-changes guard', () => {
  let confirm: jest.SpyInstance<boolean, [message?: string]>;
  let router: Router;

  beforeEach(async () => {
    unsaved = false;
    confirm = jest.spyOn(window, 'confirm');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'formular', component: FormPage, canDeactivate: [unsavedChangesGuard] },
          { path: 'annan', component: OtherPage },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/formular', FormPage);
  });

  afterEach(() => confirm.mockRestore());

  it('lets a page without changes go without asking', async () => {
    expect(await router.navigateByUrl('/annan')).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    expect(router.url).toBe('/annan');
  });

  it('asks in Swedish before leaving unsaved changes, and stays when told to', async () => {
    unsaved = true;
    confirm.mockReturnValue(false);
    expect(await router.navigateByUrl('/annan')).toBe(false);
    expect(confirm).toHaveBeenCalledWith(UNSAVED_CHANGES_QUESTION);
    expect(router.url).toBe('/formular');
  });

  it('leaves when the person confirms', async () => {
    unsaved = true;
    confirm.mockReturnValue(true);
    expect(await router.navigateByUrl('/annan')).toBe(true);
    expect(router.url).toBe('/annan');
  });

  it('has the browser ask before the tab closes, only while something is unsaved', () => {
    const quiet = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(quiet);
    expect(quiet.defaultPrevented).toBe(false);

    unsaved = true;
    const asking = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(asking);
    expect(asking.defaultPrevented).toBe(true);
  });
});

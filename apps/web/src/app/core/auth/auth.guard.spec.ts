import { Location } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, type Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { areaRoute } from '../layout/area-route';
import { authGuard, roleGuard, safeReturnUrl } from './auth.guard';
import { sessionUser, startAs } from './auth.testing';

@Component({
  selector: 'lr-stub-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Sidan</h1>',
})
class StubPage {}

@Component({
  selector: 'lr-stub-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Logga in</h1>',
})
class StubSignIn {}

@Component({
  selector: 'lr-stub-forbidden',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Du saknar behörighet</h1>',
})
class StubForbidden {}

const testRoutes: Routes = [
  { path: 'logga-in', component: StubSignIn },
  { path: 'ingen-behorighet', component: StubForbidden },
  { path: 'katalog', canMatch: [authGuard], component: StubPage },
  { path: 'administration', canMatch: [roleGuard('ADMIN')], component: StubPage },
];

describe('route guards', () => {
  function setUp(routes = testRoutes): void {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  }

  function heading(harness: RouterTestingHarness): string | undefined {
    return harness.routeNativeElement?.querySelector('h1')?.textContent?.trim();
  }

  it('sends a signed-out visitor to sign in, to come back afterwards', async () => {
    setUp();
    await startAs(null);
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/katalog?sok=ne');

    expect(TestBed.inject(Router).url).toBe('/logga-in?tillbaka=%2Fkatalog%3Fsok%3Dne');
    expect(heading(harness)).toBe('Logga in');
  });

  it('sends a signed-out visitor of a role-guarded page to sign in too', async () => {
    setUp();
    await startAs(null);
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/administration');

    expect(TestBed.inject(Router).url).toBe('/logga-in?tillbaka=%2Fadministration');
  });

  it('waits for the start-up check of who is signed in', async () => {
    setUp();
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/katalog');
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/session')
      .flush({ signedIn: true, user: sessionUser(['READ_ONLY']) });
    await navigation;

    expect(TestBed.inject(Router).url).toBe('/katalog');
  });

  it('lets anyone signed in open a SIGNED_IN page', async () => {
    setUp();
    await startAs(sessionUser(['REQUESTER']));
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/katalog');

    expect(heading(harness)).toBe('Sidan');
  });

  it('lets an administrator open an ADMIN page', async () => {
    setUp();
    await startAs(sessionUser(['ADMIN']));
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/administration');

    expect(heading(harness)).toBe('Sidan');
  });

  it('shows "Du saknar behörighet" without a fitting role, keeping the address', async () => {
    setUp();
    await startAs(sessionUser(['REQUESTER']));
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/administration');

    expect(heading(harness)).toBe('Du saknar behörighet');
    expect(TestBed.inject(Location).path()).toBe('/administration');
  });

  describe('on area routes, guarded by the roles of the main navigation', () => {
    const areaRoutes: Routes = [
      ...testRoutes.slice(0, 2),
      areaRoute('administration', { component: StubPage }),
      areaRoute('avtal', { component: StubPage }),
    ];

    it('keeps a requester out of Administration', async () => {
      setUp(areaRoutes);
      await startAs(sessionUser(['REQUESTER']));
      const harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/administration');
      expect(heading(harness)).toBe('Du saknar behörighet');
    });

    it('keeps an administrator out of Avtal', async () => {
      setUp(areaRoutes);
      await startAs(sessionUser(['ADMIN']));
      const harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/avtal');
      expect(heading(harness)).toBe('Du saknar behörighet');
    });

    it('lets a reader open Avtal', async () => {
      setUp(areaRoutes);
      await startAs(sessionUser(['READ_ONLY']));
      const harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/avtal');
      expect(heading(harness)).toBe('Sidan');
    });
  });
});

describe('safeReturnUrl', () => {
  it('returns to a path on this site', () => {
    expect(safeReturnUrl('/administration/konton?q=a')).toBe('/administration/konton?q=a');
  });

  it.each([
    [undefined],
    [''],
    ['https://evil.example/'],
    ['//evil.example/'],
    ['/\\evil.example/'],
    ['javascript:alert(1)'],
    ['/logga-in?tillbaka=/x'],
  ])('goes to the start page instead of %p', (tillbaka) => {
    expect(safeReturnUrl(tillbaka)).toBe('/');
  });
});

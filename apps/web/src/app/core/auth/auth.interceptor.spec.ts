import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { sessionExpiredInterceptor } from './auth.interceptor';
import { sessionUser, startAs } from './auth.testing';

describe('sessionExpiredInterceptor', () => {
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/administration/konton');
  });

  afterEach(() => http.verify());

  function unauthorized(url: string): Promise<unknown> {
    const call = firstValueFrom(TestBed.inject(HttpClient).get(url)).catch((error) => error);
    http
      .expectOne(url)
      .flush({ status: 401, title: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    return call;
  }

  it('signs out and goes to sign-in, to come back, when a session ends', async () => {
    const store = await startAs(sessionUser(['ADMIN']));

    const error = await unauthorized('/api/accounts?limit=100');

    expect((error as { status: number }).status).toBe(401);
    expect(store.user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/logga-in'], {
      queryParams: { tillbaka: '/administration/konton' },
    });
  });

  it.each(['/api/auth/login'])('leaves a 401 from %s to its caller', async (url) => {
    const store = await startAs(sessionUser(['ADMIN']));

    await unauthorized(url);

    expect(store.user()).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('leaves other errors alone', async () => {
    const store = await startAs(sessionUser(['ADMIN']));
    const call = firstValueFrom(TestBed.inject(HttpClient).get('/api/accounts')).catch((e) => e);
    http.expectOne('/api/accounts').flush(null, { status: 403, statusText: 'Forbidden' });
    await call;

    expect(store.user()).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});

import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { ROLE_LABELS } from '@licensregistret/domain';

import { AuthApi } from '../core/auth/auth-api';
import { safeReturnUrl } from '../core/auth/auth.guard';
import { AuthStore, type SignInFailure } from '../core/auth/auth.store';
import { MunicipalityStore } from '../core/municipalities/municipality.store';
import { PUBLIC_PATHS } from '../public/public-paths';

/** The accounts the API creates in demo mode; they share the password the API reports. */
export const DEMO_ACCOUNTS: readonly { username: string; description: string }[] = [
  { username: 'skola', description: `${ROLE_LABELS.REQUESTER} på Mellringeskolan 7-9` },
  { username: 'rektor', description: ROLE_LABELS.PRINCIPAL },
  { username: 'specialist', description: ROLE_LABELS.OBJECT_SPECIALIST },
  { username: 'objektledare', description: ROLE_LABELS.OBJECT_MANAGER },
  { username: 'upphandlare', description: ROLE_LABELS.PROCUREMENT },
  { username: 'dataskydd', description: ROLE_LABELS.DATA_PROTECTION },
  { username: 'infosak', description: ROLE_LABELS.INFORMATION_SECURITY },
  { username: 'admin', description: ROLE_LABELS.ADMIN },
  { username: 'lasare', description: ROLE_LABELS.READ_ONLY },
];

/** What went wrong, in words for the person signing in. */
export function signInFailureMessage(failure: SignInFailure): string {
  switch (failure.kind) {
    case 'credentials':
      return 'Fel användarnamn eller lösenord.';
    case 'municipality':
      return MUNICIPALITY_REFUSED;
    case 'rate-limited': {
      if (failure.retryAfterSeconds === null) {
        return 'För många misslyckade försök. Försök igen om en stund.';
      }
      const minutes = Math.max(1, Math.ceil(failure.retryAfterSeconds / 60));
      return `För många misslyckade försök. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`;
    }
    case 'unavailable':
      return 'Inloggningen fungerar inte just nu. Försök igen om en stund.';
  }
}

const MUNICIPALITY_MISSING = 'Välj kommun.';
const MUNICIPALITY_REFUSED = 'Välj en av kommunerna i listan.';

/** Messages for `?fel=` when single sign-on sends the browser back here. */
const SSO_ERRORS: Record<string, string> = {
  sso: 'Inloggningen med kommunens inloggningstjänst misslyckades. Försök igen, eller logga in med användarnamn och lösenord.',
  'sso-okant-konto':
    'Du loggade in hos kommunens inloggningstjänst, men det finns inget aktivt konto i Licensregistret för dig. Kontakta systemförvaltaren.',
};

@Component({
  selector: 'lr-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.css',
})
export class SignInPage implements OnInit {
  private readonly auth = inject(AuthStore);
  private readonly authApi = inject(AuthApi);
  private readonly router = inject(Router);
  protected readonly municipalities = inject(MunicipalityStore);

  /** Query `?tillbaka=`: the page to return to after signing in. */
  readonly tillbaka = input<string>();
  /** Query `?fel=`: why single sign-on failed. */
  readonly fel = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [''],
    password: [''],
  });
  protected readonly demoAccounts = DEMO_ACCOUNTS;
  protected readonly publicPaths = PUBLIC_PATHS;
  protected readonly failure = signal<string | null>(null);
  protected readonly missing = signal({ username: false, password: false });
  /** The municipality chosen (its slug), empty until chosen. */
  protected readonly chosen = signal('');
  /** What is wrong with the municipality chosen, next to the list. */
  protected readonly municipalityError = signal<string | null>(null);
  private readonly submitting = signal(false);

  protected readonly config = computed(() => {
    const state = this.auth.config();
    return state.kind === 'loaded' ? state.config : null;
  });
  protected readonly configFailed = computed(() => this.auth.config().kind === 'failed');
  protected readonly ssoError = computed(() => {
    const code = this.fel();
    return code ? (SSO_ERRORS[code] ?? SSO_ERRORS['sso']) : null;
  });
  protected readonly ssoUrl = computed(() =>
    this.authApi.oidcLoginUrl(
      safeReturnUrl(this.tillbaka()),
      this.municipalities.slugFor(this.chosen()),
    ),
  );
  /** The public list of the municipality chosen, when one is. */
  protected readonly publicQuery = computed(() => {
    const slug = this.chosen();
    return this.municipalities.several() && slug ? { kommun: slug } : null;
  });

  async ngOnInit(): Promise<void> {
    void this.auth.loadConfig();
    await this.municipalities.load();
    if (this.chosen() === '') this.chosen.set(this.municipalities.remembered() ?? '');
  }

  protected choose(event: Event): void {
    this.chosen.set((event.target as HTMLSelectElement).value);
    this.municipalityError.set(null);
  }

  /** Single sign-on too needs the municipality first, where there are several. */
  protected startSso(event: MouseEvent): void {
    if (this.municipalityMissing()) {
      event.preventDefault();
      this.municipalityError.set(MUNICIPALITY_MISSING);
      this.failure.set(MUNICIPALITY_MISSING);
      return;
    }
    const slug = this.municipalities.slugFor(this.chosen());
    if (slug) this.municipalities.remember(slug);
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    const { username, password } = this.form.getRawValue();
    const missing = { username: username.trim() === '', password: password === '' };
    const municipalityMissing = this.municipalityMissing();
    this.missing.set(missing);
    this.municipalityError.set(municipalityMissing ? MUNICIPALITY_MISSING : null);
    if (municipalityMissing || missing.username || missing.password) {
      this.failure.set(
        [
          municipalityMissing ? MUNICIPALITY_MISSING : '',
          missing.username && missing.password
            ? 'Ange användarnamn och lösenord.'
            : missing.username
              ? 'Ange ditt användarnamn.'
              : missing.password
                ? 'Ange ditt lösenord.'
                : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      return;
    }

    this.submitting.set(true);
    this.failure.set(null);
    const municipality = this.municipalities.slugFor(this.chosen());
    const result = await this.auth.signIn({
      ...(municipality ? { municipality } : {}),
      username: username.trim(),
      password,
    });
    this.submitting.set(false);
    if (result.ok) {
      if (municipality) this.municipalities.remember(municipality);
      await this.router.navigateByUrl(safeReturnUrl(this.tillbaka()));
    } else {
      this.failure.set(signInFailureMessage(result.failure));
      if (result.failure.kind === 'municipality') {
        this.municipalityError.set(MUNICIPALITY_REFUSED);
        // The list the page offered may be out of date.
        await this.municipalities.reload();
      }
    }
  }

  private municipalityMissing(): boolean {
    return this.municipalities.several() && !this.municipalities.find(this.chosen());
  }
}

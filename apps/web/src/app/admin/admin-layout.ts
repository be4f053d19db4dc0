import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { ADMIN_PATHS } from './admin-paths';

/** The administration area: its own menu above the page. */
@Component({
  selector: 'lr-admin-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  template: `
    <nav class="sub-nav" aria-label="Administration">
      <ul>
        @for (link of links; track link.path) {
          <li>
            <a [routerLink]="link.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              link.label
            }}</a>
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
  styles: `
    .sub-nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0 0 1.5rem;
      padding: 0 0 0.5rem;
      list-style: none;
      border-bottom: 1px solid var(--lr-border);
    }
    .sub-nav a {
      display: inline-block;
      padding: 0.25rem 0;
      font-weight: 600;
      text-decoration: none;
    }
    .sub-nav a:hover {
      text-decoration: underline;
    }
    .sub-nav a.active {
      color: var(--lr-text);
      border-bottom: 3px solid var(--lr-brand);
    }
  `,
})
export class AdminLayout {
  protected readonly links = [
    { path: ADMIN_PATHS.schoolUnits, label: 'Skolenheter' },
    { path: ADMIN_PATHS.accounts, label: 'Konton' },
    { path: ADMIN_PATHS.import, label: 'Importera' },
  ];
}

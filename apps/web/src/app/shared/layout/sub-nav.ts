import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** One link of an area's own menu. */
export interface SubNavLink {
  path: string;
  label: string;
  /** Active only on exactly this path, not on the pages below it. */
  exact?: boolean;
}

/** An area's own menu, under the main one: a labelled navigation landmark. */
@Component({
  selector: 'lr-sub-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  template: `
    <nav class="sub-nav" [attr.aria-label]="label()">
      <ul>
        @for (link of links(); track link.path) {
          <li>
            <a
              [routerLink]="link.path"
              routerLinkActive="active"
              [routerLinkActiveOptions]="{ exact: link.exact ?? false }"
              ariaCurrentWhenActive="page"
              >{{ link.label }}</a
            >
          </li>
        }
      </ul>
    </nav>
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
export class SubNav {
  /** Names the landmark, e.g. "Administration". */
  readonly label = input.required<string>();
  readonly links = input.required<readonly SubNavLink[]>();
}

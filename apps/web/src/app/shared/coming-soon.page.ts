import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { NavigationArea } from '../core/layout/navigation';

/** The page of an area that is not built yet: says what it will hold, and nothing more. */
@Component({
  selector: 'lr-coming-soon-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ area().label }}</h1>
    <p class="lead">{{ area().description }}</p>
    <p>Den här delen av Licensregistret är under uppbyggnad.</p>
  `,
})
export class ComingSoonPage {
  /** From the route's data (`withComponentInputBinding`). */
  readonly area = input.required<NavigationArea>();
}

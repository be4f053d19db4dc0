import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { PRODUCT_NAME } from '@licensregistret/domain';

import { StatusLine } from './core/health/status-line';
import { NAVIGATION } from './core/layout/navigation';

@Component({
  selector: 'lr-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, StatusLine],
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  protected readonly productName = PRODUCT_NAME;
  protected readonly areas = NAVIGATION;
}

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { testEvent, testRequestDetail } from '../decision.testing';
import { PanelRequestStore } from './panel-request.store';
import { REQUEST_PANEL_STORES } from './panel-stores';

/** Lets the awaited HTTP answers run on. */
export const settle = () => new Promise((resolve) => setTimeout(resolve));

/** The panel's stores on a testing backend, as one panel has them. */
export function setUpPanelStores(): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), ...REQUEST_PANEL_STORES],
  });
  return TestBed.inject(HttpTestingController);
}

/** Opens a request in the panel: its detail, and a history of one event. */
export async function openRequest(detail = testRequestDetail()): Promise<void> {
  const http = TestBed.inject(HttpTestingController);
  const opened = TestBed.inject(PanelRequestStore).open(detail.id);
  http.expectOne(`/api/requests/${detail.id}/events`).flush([testEvent()]);
  http.expectOne(`/api/requests/${detail.id}`).flush(detail);
  await opened;
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { TodoList, TodoQuery } from '@licensregistret/domain';

import { toHttpParams } from '../shared/http/query-params';

/** The signed-in person's "Att göra". */
@Injectable({ providedIn: 'root' })
export class TodoApi {
  private readonly http = inject(HttpClient);

  list(query: TodoQuery = {}): Observable<TodoList> {
    return this.http.get<TodoList>('/api/todo', { params: toHttpParams(query) });
  }
}

/** Rendering the pane in jsdom with fake services. */
import { act, configure, render, waitFor, type RenderResult } from "@testing-library/react";
import { Root } from "../../src/taskpane/components/Root";
import type { HostInfo } from "../../src/taskpane/services";
import { fakeServices, type FakeServices } from "./fakeServices";

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size for layout only.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoopResizeObserver;
}

// The real model loads through ts-jest on first use, and role queries over Fluent UI's DOM are slow in jsdom.
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(120_000);

export interface Rendered extends RenderResult {
  services: FakeServices;
}

/** Renders the whole pane; `host` defaults to Excel on the web in English. */
export function renderPane(options: { services?: FakeServices; host?: Partial<HostInfo>; fatal?: "noOffice" | "unsupported" } = {}): Rendered {
  const services = options.services ?? fakeServices();
  const host: HostInfo = { platform: "OfficeOnline", displayLanguage: "en-US", ...options.host };
  const r = render(<Root services={services} host={host} fatal={options.fatal} />);
  return { ...r, services };
}

/**
 * Waits until the pane has asked for the country boundaries and they have loaded (the fake's `geography`), so that
 * a validation the test runs is not run again when they arrive (the pane does that for runs started before).
 */
export async function boundariesLoaded(services: FakeServices): Promise<void> {
  await waitFor(() => expect(services.calls.some((c) => c.method === "loadGeography")).toBe(true));
  await act(async () => {
    await services.geography;
  });
}

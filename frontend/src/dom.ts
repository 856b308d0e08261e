// The pages keep their words in <template id="state-…"> elements of the HTML; a state is shown
// by cloning its template into <main>. Values from the API go in through textContent only, so
// nothing the server (or an SMS sender) wrote can ever become markup.

const main = (): HTMLElement => {
  const element = document.querySelector('main');
  if (!element) throw new Error('the page has no <main>');
  return element;
};

/** Replaces the page's content with the state's template; its root carries data-state="<name>". */
export function showState(name: string): HTMLElement {
  const template = document.getElementById(`state-${name}`);
  if (!(template instanceof HTMLTemplateElement)) throw new Error(`the page has no template for the state "${name}"`);
  const root = template.content.firstElementChild?.cloneNode(true);
  if (!(root instanceof HTMLElement) || root.dataset.state !== name) throw new Error(`the template of "${name}" must hold one element with data-state="${name}"`);
  main().replaceChildren(root);
  // Screen readers announce the new state; keyboard users start from its heading.
  const heading = root.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  return root;
}

/** The element marked data-slot="<name>" inside a state. */
export function slot(root: HTMLElement, name: string): HTMLElement {
  const element = root.querySelector(`[data-slot="${name}"]`);
  if (!(element instanceof HTMLElement)) throw new Error(`the state "${root.dataset.state ?? ''}" has no slot "${name}"`);
  return element;
}

/** Fills a slot with text, never markup. */
export function fill(root: HTMLElement, name: string, text: string): HTMLElement {
  const element = slot(root, name);
  element.textContent = text;
  return element;
}

/**
 * Runs the handler when the state's button data-action="<name>" is clicked, once: the button is
 * disabled at once so a double tap cannot start two ceremonies.
 */
export function onAction(root: HTMLElement, name: string, handler: () => void): HTMLButtonElement {
  const button = root.querySelector(`button[data-action="${name}"]`);
  if (!(button instanceof HTMLButtonElement)) throw new Error(`the state "${root.dataset.state ?? ''}" has no button "${name}"`);
  button.addEventListener('click', () => {
    if (button.disabled) return;
    button.disabled = true;
    handler();
  });
  return button;
}

/** A parameter of the page's own address (`?m=`, `?t=`), or undefined when absent or malformed. */
export function pageParameter(name: string, pattern: RegExp): string | undefined {
  const value = new URLSearchParams(window.location.search).get(name);
  return value !== null && pattern.test(value) ? value : undefined;
}

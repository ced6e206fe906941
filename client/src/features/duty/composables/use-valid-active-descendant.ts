import { onBeforeUnmount, onMounted, type Ref } from 'vue';

/**
 * Element Plus's autocomplete points `aria-activedescendant` at "<list>-item--1" when no
 * suggestion is highlighted: an element that never exists, which screen readers stumble on and
 * axe refuses. Inside `root`, such a reference is dropped as soon as it is set.
 */
export function useValidActiveDescendant(root: Ref<HTMLElement | null | undefined>): void {
  let observer: MutationObserver | undefined;
  const fix = (element: Element) => {
    const id = element.getAttribute('aria-activedescendant');
    if (id && !document.getElementById(id)) element.removeAttribute('aria-activedescendant');
  };
  onMounted(() => {
    if (!root.value) return;
    root.value.querySelectorAll('[aria-activedescendant]').forEach(fix);
    observer = new MutationObserver((records) => records.forEach((r) => fix(r.target as Element)));
    observer.observe(root.value, { subtree: true, attributes: true, attributeFilter: ['aria-activedescendant'] });
  });
  onBeforeUnmount(() => observer?.disconnect());
}

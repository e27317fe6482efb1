// Tab error badges that also count errors rendered after page load.
//
// Wagtail's w-count controller counts a tab's errors once, when it connects; StreamField block
// errors are drawn later by the admin's JavaScript, so a tab holding only StreamFields (the
// conference's Programme tab) showed no badge. This re-counts whenever the editor's panels change,
// by setting the controller's value attribute, which Stimulus turns into its own badge update.
(() => {
  const selector = ':not([hidden]):is(.error-message,.help-critical)';
  const recount = () => {
    document.querySelectorAll('[data-controller~="w-count"][data-w-count-container-value]').forEach((badge) => {
      const containers = document.querySelectorAll(badge.dataset.wCountContainerValue);
      const total = [...containers].reduce((sum, container) => sum + container.querySelectorAll(selector).length, 0);
      if (badge.dataset.wCountTotalValue !== String(total)) badge.dataset.wCountTotalValue = String(total);
    });
  };
  const start = () => {
    const panels = document.querySelector('.tab-content');
    if (!panels) return;
    recount();
    new MutationObserver(recount).observe(panels, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

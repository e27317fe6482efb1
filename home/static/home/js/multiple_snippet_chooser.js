// Searchable pickers for several snippets (home.widgets.MultipleSnippetChooser).
//
// The field's <select multiple> stays the input that is submitted; this hides it, shows the chosen
// items with a remove button, and opens Wagtail's own snippet chooser modal (search box, language
// filter) in multiple-selection mode at the widget's URL, which names the page's language. What the
// editor picks there becomes selected options of the select. A pick the select does not offer (the
// editor switched the modal to another language) is added as an option, so the server's refusal
// shows on the field instead of the pick vanishing.
(() => {
  const setUp = (chooser) => {
    const select = chooser.querySelector('select');
    const list = chooser.querySelector('[data-chosen]');
    const addButton = chooser.querySelector('[data-add]');
    const itemTemplate = chooser.querySelector('template[data-item-template]');

    const changed = () => select.dispatchEvent(new Event('change', { bubbles: true }));
    const optionFor = (value) => [...select.options].find((option) => option.value === value);
    const listItem = (value, label) => {
      const item = itemTemplate.content.firstElementChild.cloneNode(true);
      item.dataset.value = value;
      item.querySelectorAll('[data-label]').forEach((element) => {
        element.textContent = label;
      });
      return item;
    };
    const choose = (results) => {
      results.forEach(({ id, string }) => {
        const value = String(id);
        let option = optionFor(value);
        if (!option) {
          option = new Option(string, value);
          select.add(option);
        }
        if (option.selected) return;
        option.selected = true;
        list.append(listItem(value, string));
      });
      changed();
    };

    list.addEventListener('click', (event) => {
      const remove = event.target.closest('[data-remove]');
      if (!remove) return;
      const item = remove.closest('[data-value]');
      const option = optionFor(item.dataset.value);
      if (option) option.selected = false;
      item.remove();
      changed();
      addButton.focus();
    });
    addButton.addEventListener('click', () => {
      // What Wagtail's own ChooserModal.open does, at this widget's URL (which names the language).
      window.ModalWorkflow({
        url: chooser.dataset.chooserUrl,
        urlParams: { multiple: 1 },
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: { chosen: choose },
      });
    });

    select.hidden = true;
    list.hidden = false;
    addButton.hidden = false;
  };
  const start = () => document.querySelectorAll('[data-multiple-snippet-chooser]').forEach(setUp);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

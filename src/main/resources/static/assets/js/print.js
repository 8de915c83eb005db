// The print view of a message opens the browser's print dialog once the body has loaded.
window.addEventListener('load', function () { window.print(); });

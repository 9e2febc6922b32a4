document.getElementById('app')!.textContent = 'fraud-rings';
